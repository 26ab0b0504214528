# Programs that must be stopped: each runs on its task's examples and must end with an error,
# within the executor's limits, without hanging or taking the process down.

def powers_3c9b0459(I):
    x1 = power(rot90, 997)
    x2 = power(x1, 997)
    x3 = power(x2, 997)
    O = x3(I)
    return O

def upscales_3c9b0459(I):
    x1 = upscale(I, 30)
    x2 = upscale(x1, 30)
    O = upscale(x2, 30)
    return O

def interval_3c9b0459(I):
    x1 = interval(ZERO, 100000000, ONE)
    O = size(x1)
    return O

def nesting_3c9b0459(I):
    x1 = rbind(compose, identity)
    x2 = power(x1, 997)
    x3 = x2(identity)
    x4 = rbind(compose, x3)
    x5 = power(x4, 997)
    x6 = x5(identity)
    O = x6(I)
    return O

def doubling_3c9b0459(I):
    x1 = compose(rot90, rot90)
    x2 = compose(x1, x1)
    x3 = compose(x2, x2)
    x4 = compose(x3, x3)
    x5 = compose(x4, x4)
    x6 = compose(x5, x5)
    x7 = compose(x6, x6)
    x8 = compose(x7, x7)
    x9 = compose(x8, x8)
    x10 = compose(x9, x9)
    x11 = compose(x10, x10)
    x12 = compose(x11, x11)
    x13 = compose(x12, x12)
    x14 = compose(x13, x13)
    x15 = compose(x14, x14)
    x16 = compose(x15, x15)
    x17 = compose(x16, x16)
    x18 = compose(x17, x17)
    x19 = compose(x18, x18)
    x20 = compose(x19, x19)
    x21 = compose(x20, x20)
    x22 = compose(x21, x21)
    x23 = compose(x22, x22)
    x24 = compose(x23, x23)
    x25 = compose(x24, x24)
    x26 = compose(x25, x25)
    x27 = compose(x26, x26)
    x28 = compose(x27, x27)
    x29 = compose(x28, x28)
    x30 = compose(x29, x29)
    O = x30(I)
    return O

def objects_distinct30(I):
    x1 = rbind(objects, F)
    x2 = rbind(x1, F)
    x3 = rbind(x2, T)
    x4 = repeat(I, 100000)
    x5 = apply(x3, x4)
    O = first(x5)
    return O

def hugeobjects_distinct30(I):
    x1 = upscale(I, 30)
    O = objects(x1, T, F, F)
    return O
