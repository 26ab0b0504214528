# ArcSynth's own seed programs: solutions to ARC-AGI-1 training tasks, written for this project in
# the arc-dsl program format. Each function solves the task its name ends with (all train and test
# pairs); `./arcsynth dsl check --programs seeds/training.py --tasks arc-data/arc-agi-1/training`
# checks them. They let the system learn without any outside programs.


def compress_1cf80156(I):
    O = compress(I)
    return O


def largest_1f85a75f(I):
    x1 = objects(I, T, T, T)
    x2 = order(x1, size)
    x3 = last(x2)
    O = subgrid(x3, I)
    return O


def smallest_23b5c85d(I):
    x1 = objects(I, T, T, T)
    x2 = order(x1, size)
    x3 = first(x2)
    O = subgrid(x3, I)
    return O


def quadrants_3af2c5a8(I):
    x1 = hmirror(I)
    x2 = vconcat(I, x1)
    x3 = vmirror(x2)
    O = hconcat(x2, x3)
    return O


def rotate_3c9b0459(I):
    O = rot180(I)
    return O


def rotate_6150a2bd(I):
    O = rot180(I)
    return O


def quadrants_62c24649(I):
    x1 = hmirror(I)
    x2 = vconcat(I, x1)
    x3 = vmirror(x2)
    O = hconcat(x2, x3)
    return O


def mirror_67a3c6ac(I):
    O = vmirror(I)
    return O


def quadrants_67e8384a(I):
    x1 = hmirror(I)
    x2 = vconcat(I, x1)
    x3 = vmirror(x2)
    O = hconcat(x2, x3)
    return O


def mirror_68b16354(I):
    O = hmirror(I)
    return O


def reflect_6d0aefbc(I):
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O


def reflect_6fa7a44f(I):
    x1 = hmirror(I)
    O = vconcat(I, x1)
    return O


def transpose_74dd1130(I):
    O = dmirror(I)
    return O


def reflect_8be77c9e(I):
    x1 = hmirror(I)
    O = vconcat(I, x1)
    return O


def scale_9172f3a0(I):
    O = upscale(I, THREE)
    return O


def transpose_9dfd6313(I):
    O = dmirror(I)
    return O


def repeat_a416b8f3(I):
    O = hconcat(I, I)
    return O


def largest_be94b721(I):
    x1 = objects(I, T, T, T)
    x2 = argmax(x1, size)
    O = subgrid(x2, I)
    return O


def scale_c59eb873(I):
    O = upscale(I, TWO)
    return O


def reflect_c9e6f938(I):
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O


def rotate_ed36ccf7(I):
    O = rot270(I)
    return O


def recolor_0d3d703e(I):
    x1 = switch(I, THREE, FOUR)
    x2 = switch(x1, ONE, FIVE)
    x3 = switch(x2, TWO, SIX)
    O = switch(x3, EIGHT, NINE)
    return O


def flood_5582e5ca(I):
    x1 = mostcolor(I)
    x2 = shape(I)
    O = canvas(x1, x2)
    return O


def count_d631b094(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = colorcount(I, x2)
    x4 = astuple(ONE, x3)
    O = canvas(x2, x4)
    return O


def reflect_f25ffba3(I):
    x1 = hmirror(I)
    x2 = tophalf(x1)
    x3 = bottomhalf(I)
    O = vconcat(x2, x3)
    return O


def reflect_4c4377d9(I):
    x1 = hmirror(I)
    O = vconcat(x1, I)
    return O


def third_2dee498d(I):
    x1 = width(I)
    x2 = divide(x1, THREE)
    x3 = height(I)
    x4 = astuple(x3, x2)
    O = crop(I, ORIGIN, x4)
    return O


def half_7b7f7511(I):
    x1 = tophalf(I)
    x2 = lefthalf(I)
    x3 = vconcat(x1, x1)
    x4 = equality(x3, I)
    O = branch(x4, x1, x2)
    return O


def scale_b91ae062(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = size(x2)
    O = upscale(I, x3)
    return O


def scale_ac0a08a4(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = size(x2)
    O = upscale(I, x3)
    return O


def drop_a79310a0(I):
    x1 = ofcolor(I, EIGHT)
    x2 = shift(x1, DOWN)
    x3 = shape(I)
    x4 = canvas(ZERO, x3)
    O = fill(x4, TWO, x2)
    return O


def frame_6f8cd79b(I):
    x1 = asindices(I)
    x2 = box(x1)
    O = fill(I, EIGHT, x2)
    return O


def interior_50cb2852(I):
    x1 = objects(I, T, F, T)
    x2 = fork(difference, toindices, box)
    x3 = mapply(x2, x1)
    O = fill(I, EIGHT, x3)
    return O


def between_a699fb00(I):
    x1 = ofcolor(I, ONE)
    x2 = shift(x1, RIGHT)
    x3 = shift(x1, LEFT)
    x4 = intersection(x2, x3)
    O = underfill(I, TWO, x4)
    return O


def drip_d037b0a7(I):
    x1 = asobject(I)
    x2 = shift(x1, DOWN)
    x3 = underpaint(I, x2)
    x4 = asobject(x3)
    x5 = shift(x4, DOWN)
    O = underpaint(x3, x5)
    return O


def corner_5bd6f4ac(I):
    x1 = astuple(ZERO, SIX)
    O = crop(I, x1, THREE_BY_THREE)
    return O


def symmetric_44f52bb0(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = vmirror(x2)
    x4 = equality(x1, x3)
    x5 = branch(x4, ONE, SEVEN)
    O = canvas(x5, UNITY)
    return O


def invert_f76d97a5(I):
    x1 = palette(I)
    x2 = other(x1, FIVE)
    x3 = switch(I, FIVE, x2)
    O = replace(x3, FIVE, ZERO)
    return O


def corner_aabf363d(I):
    x1 = astuple(SIX, ZERO)
    x2 = index(I, x1)
    x3 = initset(x1)
    x4 = fill(I, ZERO, x3)
    x5 = palette(x4)
    x6 = other(x5, ZERO)
    O = replace(x4, x6, x2)
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
