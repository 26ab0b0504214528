def ck0_007bbfb7(I):
    x1 = increment(TWO)
    x2 = vmirror(I)
    return x2

def ck1_007bbfb7(I):
    x1 = lefthalf(I)
    return x1

def ck2_007bbfb7(I):
    x1 = dmirror(I)
    return x1

def ck3_007bbfb7(I):
    x1 = equality(ZERO, T)
    x2 = hconcat(I, I)
    return x2

def ck4_007bbfb7(I):
    x1 = index(I, DOWN)
    x2 = canvas(x1, DOWN)
    return x2

def ck5_007bbfb7(I):
    x1 = multiply(FOUR, EIGHT)
    x2 = canvas(x1, ORIGIN)
    return x2

def ck6_007bbfb7(I):
    x1 = replace(I, ZERO, FOUR)
    x2 = asobject(x1)
    x3 = index(I, DOWN)
    return x1

def ck7_007bbfb7(I):
    x1 = other(RIGHT, I)
    x2 = remove(DOWN, RIGHT)
    return x1

def ck8_007bbfb7(I):
    x1 = asindices(I)
    x2 = hconcat(I, I)
    return x2

def ck9_007bbfb7(I):
    x1 = upscale(I, THREE)
    return x1

def ck10_007bbfb7(I):
    x1 = crop(I, RIGHT, DOWN)
    return x1

def ck11_007bbfb7(I):
    x1 = replace(I, FOUR, SEVEN)
    x2 = halve(DOWN)
    return x1

