# Programs written for ArcSynth's tests, in the arc-dsl program format: each solves the
# ARC-AGI-1 training task its name ends with.

def rotate_3c9b0459(I):
    O = rot180(I)
    return O

def rotate_6150a2bd(I: Grid) -> Grid:
    O = rot180(I)
    return O

def mirror_67a3c6ac(I):
    O = vmirror(I)
    return O

def mirror_68b16354(I):
    O = hmirror(I)
    return O

def transpose_74dd1130(I):
    O = dmirror(I)
    return O

def twice_a416b8f3(I):
    O = hconcat(I, I)
    return O

def recolor_c8f0f002(I):
    O = replace(I, SEVEN, FIVE)
    return O

def swap_d511f180(I):
    O = switch(I, FIVE, EIGHT)
    return O

def recolor_b1948b0a(I):
    O = replace(I, SIX, TWO)
    return O

def fall_25ff71a9(I):
    x1 = asobject(I)
    x2 = shift(x1, DOWN)
    x3 = mostcolor(I)
    x4 = shape(I)
    x5 = canvas(x3, x4)
    O = paint(x5, x2)
    return O

def enclosed_00d62c1b(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = sfilter(x2, x3)
    x5 = difference(x2, x4)
    x6 = merge(x5)
    O = fill(I, FOUR, x6)
    return O

def tile_a416b8f3(I):
    x1 = lbind(hconcat, I)
    O = x1(I)
    return O
