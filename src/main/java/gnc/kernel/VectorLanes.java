package gnc.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneOps} with the Vector API: the operations of {@link LaneMath} and {@link ScalarLanes}
 * in the same order, on as many lanes at a time as the machine's preferred vector holds (8 with
 * AVX-512, 4 with AVX2; LANES is a multiple of it). Every operation is lane-wise, so the result
 * of each lane does not depend on that width. Loaded only when the JVM has the
 * jdk.incubator.vector module ({@link Lanes}).
 *
 * <p>The elementary functions are written out inside the loops rather than called: C2 keeps
 * vectors in registers only when every call is inlined, and it declines to inline a helper
 * already compiled to a large body (measured: tanh in a helper ran 10x slower, boxed). The
 * polynomials' coefficients are broadcast into locals before the loops, the Horner chains written
 * out over them (one term per coefficient of {@link LaneMath}'s fits, whose lengths they assume;
 * LanesTest checks the bits): read from their arrays inside a loop, C2 reloads them on every
 * iteration, as a store to the output array might have changed them (measured: normals 12% to
 * 16% faster, the same bits, docs/throughput.md). Hence also the near-copies of the logarithm's
 * broadcasts in normals and minusTwoLogs: a helper handing vectors back would box them.
 */
final class VectorLanes implements LaneOps {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> J = LongVector.SPECIES_PREFERRED;
    private static final int W = D.length();
    private static final int L = LANES;
    /** Whether {@link #multiply} starts with 5 x 5 register blocks: 25 sums need 32 vector registers. */
    private static final boolean FIVE_ROW_BLOCKS = W >= 8;

    VectorLanes() {
        if (L % W != 0 || J.length() != W) {
            throw new IllegalStateException("vector width " + W + " does not divide " + L + " lanes");
        }
    }

    /** {@link ScalarLanes#normals} with {@link LaneMath}'s functions written out (see the class comment). */
    @Override
    public void normals(long[] state, double[] out, int pairs) {
        // The coefficients in registers before the loop (see the class comment).
        double[] lg = LaneMath.LOG;
        DoubleVector lg0 = DoubleVector.broadcast(D, lg[0]);
        DoubleVector lg1 = DoubleVector.broadcast(D, lg[1]);
        DoubleVector lg2 = DoubleVector.broadcast(D, lg[2]);
        DoubleVector lg3 = DoubleVector.broadcast(D, lg[3]);
        DoubleVector lg4 = DoubleVector.broadcast(D, lg[4]);
        DoubleVector lg5 = DoubleVector.broadcast(D, lg[5]);
        DoubleVector lg6 = DoubleVector.broadcast(D, lg[6]);
        double[] sin = LaneMath.SIN;
        DoubleVector sin0 = DoubleVector.broadcast(D, sin[0]);
        DoubleVector sin1 = DoubleVector.broadcast(D, sin[1]);
        DoubleVector sin2 = DoubleVector.broadcast(D, sin[2]);
        DoubleVector sin3 = DoubleVector.broadcast(D, sin[3]);
        DoubleVector sin4 = DoubleVector.broadcast(D, sin[4]);
        DoubleVector sin5 = DoubleVector.broadcast(D, sin[5]);
        DoubleVector sin6 = DoubleVector.broadcast(D, sin[6]);
        double[] cos = LaneMath.COS;
        DoubleVector cos0 = DoubleVector.broadcast(D, cos[0]);
        DoubleVector cos1 = DoubleVector.broadcast(D, cos[1]);
        DoubleVector cos2 = DoubleVector.broadcast(D, cos[2]);
        DoubleVector cos3 = DoubleVector.broadcast(D, cos[3]);
        DoubleVector cos4 = DoubleVector.broadcast(D, cos[4]);
        DoubleVector cos5 = DoubleVector.broadcast(D, cos[5]);
        DoubleVector cos6 = DoubleVector.broadcast(D, cos[6]);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        DoubleVector ln2Hi = DoubleVector.broadcast(D, LaneMath.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(D, LaneMath.LN2_LO);
        LongVector sqrt2 = LongVector.broadcast(J, LaneMath.SQRT2_MANTISSA);
        LongVector bias = LongVector.broadcast(J, 1023L);
        for (int v = 0; v < L; v += W) {
            LongVector s0 = LongVector.fromArray(J, state, v);
            LongVector s1 = LongVector.fromArray(J, state, L + v);
            for (int p = 0; p < pairs; p++) {
                // Two xoroshiro128+ outputs, each s0 + s1 before the step (ScalarLanes#normals).
                LongVector a = s0.add(s1);
                s1 = s1.lanewise(VectorOperators.XOR, s0);
                s0 = s0.lanewise(VectorOperators.ROL, 24).lanewise(VectorOperators.XOR, s1)
                        .lanewise(VectorOperators.XOR, s1.lanewise(VectorOperators.LSHL, 16));
                s1 = s1.lanewise(VectorOperators.ROL, 37);
                LongVector b = s0.add(s1);
                s1 = s1.lanewise(VectorOperators.XOR, s0);
                s0 = s0.lanewise(VectorOperators.ROL, 24).lanewise(VectorOperators.XOR, s1)
                        .lanewise(VectorOperators.XOR, s1.lanewise(VectorOperators.LSHL, 16));
                s1 = s1.lanewise(VectorOperators.ROL, 37);

                // rho = sqrt(-2 ln u), LaneMath.minusTwoLog.
                DoubleVector u = two.sub(a.lanewise(VectorOperators.LSHR, 12).or(LaneMath.ONE_BITS)
                        .reinterpretAsDoubles());
                LongVector ub = u.reinterpretAsLongs();
                LongVector mant = ub.and(LaneMath.MANTISSA);
                LongVector halve = sqrt2.sub(mant).lanewise(VectorOperators.LSHR, 63);
                DoubleVector m = mant.or(bias.sub(halve).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
                DoubleVector e = ub.lanewise(VectorOperators.LSHR, 52).add(halve).or(0x4330000000000000L)
                        .reinterpretAsDoubles().sub(0x1.0p52 + 1023.0);
                DoubleVector t = m.sub(1.0).div(m.add(1.0));
                DoubleVector t2 = t.mul(t);
                DoubleVector lp = lg6.fma(t2, lg5).fma(t2, lg4).fma(t2, lg3).fma(t2, lg2).fma(t2, lg1).fma(t2, lg0);
                DoubleVector twoT = t.add(t);
                DoubleVector lnM = twoT.mul(t2).fma(lp, twoT);
                DoubleVector rho = e.fma(ln2Hi, e.fma(ln2Lo, lnM)).mul(-2.0).lanewise(VectorOperators.SQRT);

                // (cos, sin) of g pi / 2 rotated into quadrant q, LaneMath.angle, sinPoly, cosPoly, quadrant.
                DoubleVector g = b.lanewise(VectorOperators.LSHL, 2).lanewise(VectorOperators.LSHR, 12)
                        .or(LaneMath.ONE_BITS).reinterpretAsDoubles().sub(1.5);
                DoubleVector g2 = g.mul(g);
                DoubleVector sn = g.mul(sin6.fma(g2, sin5).fma(g2, sin4).fma(g2, sin3).fma(g2, sin2).fma(g2, sin1)
                        .fma(g2, sin0));
                DoubleVector c = cos6.fma(g2, cos5).fma(g2, cos4).fma(g2, cos3).fma(g2, cos2).fma(g2, cos1).fma(g2, cos0);
                LongVector q = b.lanewise(VectorOperators.LSHR, 62);
                LongVector cb = c.reinterpretAsLongs();
                LongVector sb = sn.reinterpretAsLongs();
                LongVector swap = cb.lanewise(VectorOperators.XOR, sb).and(q.and(1L).neg());
                LongVector x = cb.lanewise(VectorOperators.XOR, swap).lanewise(VectorOperators.XOR,
                        q.lanewise(VectorOperators.XOR, q.lanewise(VectorOperators.LSHR, 1)).and(1L)
                                .lanewise(VectorOperators.LSHL, 63));
                LongVector y = sb.lanewise(VectorOperators.XOR, swap).lanewise(VectorOperators.XOR,
                        q.lanewise(VectorOperators.LSHR, 1).lanewise(VectorOperators.LSHL, 63));
                rho.mul(x.reinterpretAsDoubles()).intoArray(out, 2 * p * L + v);
                rho.mul(y.reinterpretAsDoubles()).intoArray(out, (2 * p + 1) * L + v);
            }
            s0.intoArray(state, v);
            s1.intoArray(state, L + v);
        }
    }

    /** {@link ScalarLanes#uniformProducts} with the Vector API. */
    @Override
    public void uniformProducts(long[] state, int h, double[] out, int at) {
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int v = 0; v < L; v += W) {
            LongVector s0 = LongVector.fromArray(J, state, v);
            LongVector s1 = LongVector.fromArray(J, state, L + v);
            DoubleVector product = DoubleVector.broadcast(D, 1.0);
            for (int i = 0; i < h; i++) {
                LongVector a = s0.add(s1);
                s1 = s1.lanewise(VectorOperators.XOR, s0);
                s0 = s0.lanewise(VectorOperators.ROL, 24).lanewise(VectorOperators.XOR, s1)
                        .lanewise(VectorOperators.XOR, s1.lanewise(VectorOperators.LSHL, 16));
                s1 = s1.lanewise(VectorOperators.ROL, 37);
                product = product.mul(two.sub(a.lanewise(VectorOperators.LSHR, 12).or(LaneMath.ONE_BITS)
                        .reinterpretAsDoubles()));
            }
            product.intoArray(out, at * L + v);
            s0.intoArray(state, v);
            s1.intoArray(state, L + v);
        }
    }

    /** {@link ScalarLanes#minusTwoLogs} with the Vector API: LaneMath.minusTwoLn written out as in normals. */
    @Override
    public void minusTwoLogs(double[] x, int from, int count) {
        double[] lg = LaneMath.LOG;
        DoubleVector lg0 = DoubleVector.broadcast(D, lg[0]);
        DoubleVector lg1 = DoubleVector.broadcast(D, lg[1]);
        DoubleVector lg2 = DoubleVector.broadcast(D, lg[2]);
        DoubleVector lg3 = DoubleVector.broadcast(D, lg[3]);
        DoubleVector lg4 = DoubleVector.broadcast(D, lg[4]);
        DoubleVector lg5 = DoubleVector.broadcast(D, lg[5]);
        DoubleVector lg6 = DoubleVector.broadcast(D, lg[6]);
        DoubleVector ln2Hi = DoubleVector.broadcast(D, LaneMath.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(D, LaneMath.LN2_LO);
        LongVector sqrt2 = LongVector.broadcast(J, LaneMath.SQRT2_MANTISSA);
        LongVector bias = LongVector.broadcast(J, 1023L);
        for (int i = from * L; i < (from + count) * L; i += W) {
            LongVector ub = DoubleVector.fromArray(D, x, i).reinterpretAsLongs();
            LongVector mant = ub.and(LaneMath.MANTISSA);
            LongVector halve = sqrt2.sub(mant).lanewise(VectorOperators.LSHR, 63);
            DoubleVector m = mant.or(bias.sub(halve).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector e = ub.lanewise(VectorOperators.LSHR, 52).add(halve).or(0x4330000000000000L)
                    .reinterpretAsDoubles().sub(0x1.0p52 + 1023.0);
            DoubleVector t = m.sub(1.0).div(m.add(1.0));
            DoubleVector t2 = t.mul(t);
            DoubleVector lp = lg6.fma(t2, lg5).fma(t2, lg4).fma(t2, lg3).fma(t2, lg2).fma(t2, lg1).fma(t2, lg0);
            DoubleVector twoT = t.add(t);
            DoubleVector lnM = twoT.mul(t2).fma(lp, twoT);
            e.fma(ln2Hi, e.fma(ln2Lo, lnM)).mul(-2.0).intoArray(x, i);
        }
    }

    /** {@link ScalarLanes#lowerTimesLower} with the Vector API. */
    @Override
    public void lowerTimesLower(double[] a, double[] b, int n, double[] c) {
        DoubleVector zero = DoubleVector.zero(D);
        for (int v = 0; v < L; v += W) {
            for (int i = 0; i < n; i++) {
                int row = i * n * L + v;
                for (int j = 0; j <= i; j++) {
                    DoubleVector acc = zero;
                    for (int t = j; t <= i; t++) {
                        acc = DoubleVector.fromArray(D, a, row + t * L)
                                .fma(DoubleVector.fromArray(D, b, (t * n + j) * L + v), acc);
                    }
                    acc.intoArray(c, row + j * L);
                }
                for (int j = i + 1; j < n; j++) {
                    zero.intoArray(c, row + j * L);
                }
            }
        }
    }

    /** {@link ScalarLanes#rootOfSum} with the Vector API. */
    @Override
    public void rootOfSum(double[] x, int from, int count, double[] normals, int odd, double[] out, int at) {
        for (int v = 0; v < L; v += W) {
            DoubleVector s = DoubleVector.zero(D);
            for (int p = from; p < from + count; p++) {
                s = s.add(DoubleVector.fromArray(D, x, p * L + v));
            }
            if (odd >= 0) {
                DoubleVector y = DoubleVector.fromArray(D, normals, odd * L + v);
                s = y.fma(y, s);
            }
            s.lanewise(VectorOperators.SQRT).intoArray(out, at * L + v);
        }
    }

    /**
     * With eight or more lanes per vector (AVX-512's 32 registers), blocks of five rows by five
     * columns first, each loaded vector of a serving five sums and each of b five (25 sums in
     * registers, half the loads of one row at a time; measured: a 5 x 5 product for eight lanes
     * 144 to 128 ns, 160 x 160 x 5 65 to 44 us). Then blocks of two rows by five columns (ten sums,
     * fitting AVX2's 16 registers), an odd last row's blocks, and every row's columns past the last
     * block, one at a time. Every entry is the same fma chain whatever its block, so the width
     * does not change a bit. (Fusing leaky ReLU into this loop was 5% faster when C2 compiled it
     * well, and 40% slower in a third of the JVMs: not kept; docs/throughput.md.)
     */
    @Override
    public void multiply(double[] a, int aOffset, int rows, int inner, double[] b, int cols, double[] c) {
        int blocks = cols - cols % 5; // the columns in blocks of five
        for (int v = 0; v < L; v += W) {
            int i = 0;
            for (; FIVE_ROW_BLOCKS && i + 5 <= rows; i += 5) {
                for (int col = 0; col < blocks; col += 5) {
                    fiveByFive(a, (aOffset + i * inner) * L + v, inner, b, col * L + v, cols, c, (i * cols + col) * L + v);
                }
            }
            for (; i + 2 <= rows; i += 2) {
                int a0 = (aOffset + i * inner) * L + v;
                int a1 = a0 + inner * L;
                for (int col = 0; col < blocks; col += 5) {
                    DoubleVector s00 = DoubleVector.zero(D);
                    DoubleVector s01 = s00;
                    DoubleVector s02 = s00;
                    DoubleVector s03 = s00;
                    DoubleVector s04 = s00;
                    DoubleVector s10 = s00;
                    DoubleVector s11 = s00;
                    DoubleVector s12 = s00;
                    DoubleVector s13 = s00;
                    DoubleVector s14 = s00;
                    for (int t = 0; t < inner; t++) {
                        DoubleVector x0 = DoubleVector.fromArray(D, a, a0 + t * L);
                        DoubleVector x1 = DoubleVector.fromArray(D, a, a1 + t * L);
                        int bRow = (t * cols + col) * L + v;
                        DoubleVector b0 = DoubleVector.fromArray(D, b, bRow);
                        DoubleVector b1 = DoubleVector.fromArray(D, b, bRow + L);
                        DoubleVector b2 = DoubleVector.fromArray(D, b, bRow + 2 * L);
                        DoubleVector b3 = DoubleVector.fromArray(D, b, bRow + 3 * L);
                        DoubleVector b4 = DoubleVector.fromArray(D, b, bRow + 4 * L);
                        s00 = x0.fma(b0, s00);
                        s01 = x0.fma(b1, s01);
                        s02 = x0.fma(b2, s02);
                        s03 = x0.fma(b3, s03);
                        s04 = x0.fma(b4, s04);
                        s10 = x1.fma(b0, s10);
                        s11 = x1.fma(b1, s11);
                        s12 = x1.fma(b2, s12);
                        s13 = x1.fma(b3, s13);
                        s14 = x1.fma(b4, s14);
                    }
                    int c0 = (i * cols + col) * L + v;
                    int c1 = c0 + cols * L;
                    s00.intoArray(c, c0);
                    s01.intoArray(c, c0 + L);
                    s02.intoArray(c, c0 + 2 * L);
                    s03.intoArray(c, c0 + 3 * L);
                    s04.intoArray(c, c0 + 4 * L);
                    s10.intoArray(c, c1);
                    s11.intoArray(c, c1 + L);
                    s12.intoArray(c, c1 + 2 * L);
                    s13.intoArray(c, c1 + 3 * L);
                    s14.intoArray(c, c1 + 4 * L);
                }
            }
            if (i < rows) { // an odd last row
                int aRow = (aOffset + i * inner) * L + v;
                for (int col = 0; col < blocks; col += 5) {
                    DoubleVector s0 = DoubleVector.zero(D);
                    DoubleVector s1 = s0;
                    DoubleVector s2 = s0;
                    DoubleVector s3 = s0;
                    DoubleVector s4 = s0;
                    for (int t = 0; t < inner; t++) {
                        DoubleVector at = DoubleVector.fromArray(D, a, aRow + t * L);
                        int bRow = (t * cols + col) * L + v;
                        s0 = at.fma(DoubleVector.fromArray(D, b, bRow), s0);
                        s1 = at.fma(DoubleVector.fromArray(D, b, bRow + L), s1);
                        s2 = at.fma(DoubleVector.fromArray(D, b, bRow + 2 * L), s2);
                        s3 = at.fma(DoubleVector.fromArray(D, b, bRow + 3 * L), s3);
                        s4 = at.fma(DoubleVector.fromArray(D, b, bRow + 4 * L), s4);
                    }
                    int cRow = (i * cols + col) * L + v;
                    s0.intoArray(c, cRow);
                    s1.intoArray(c, cRow + L);
                    s2.intoArray(c, cRow + 2 * L);
                    s3.intoArray(c, cRow + 3 * L);
                    s4.intoArray(c, cRow + 4 * L);
                }
            }
            for (i = 0; i < rows; i++) {
                int aRow = (aOffset + i * inner) * L + v;
                for (int col = blocks; col < cols; col++) {
                    DoubleVector s = DoubleVector.zero(D);
                    for (int t = 0; t < inner; t++) {
                        s = DoubleVector.fromArray(D, a, aRow + t * L)
                                .fma(DoubleVector.fromArray(D, b, (t * cols + col) * L + v), s);
                    }
                    s.intoArray(c, (i * cols + col) * L + v);
                }
            }
        }
    }

    /**
     * One block of {@link #multiply}: rows r..r+4 of a (their first lane at a0, rows inner * L
     * apart) times columns k..k+4 of b (their first lane at b0 in b's row 0, rows cols * L apart)
     * into c from c0, each of the 25 sums in a register.
     */
    private static void fiveByFive(double[] a, int a0, int inner, double[] b, int b0, int cols, double[] c, int c0) {
        int aStep = inner * L;
        DoubleVector s00 = DoubleVector.zero(D), s01 = s00, s02 = s00, s03 = s00, s04 = s00;
        DoubleVector s10 = s00, s11 = s00, s12 = s00, s13 = s00, s14 = s00;
        DoubleVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s24 = s00;
        DoubleVector s30 = s00, s31 = s00, s32 = s00, s33 = s00, s34 = s00;
        DoubleVector s40 = s00, s41 = s00, s42 = s00, s43 = s00, s44 = s00;
        for (int t = 0; t < inner; t++) {
            int bRow = b0 + t * cols * L;
            DoubleVector b0t = DoubleVector.fromArray(D, b, bRow);
            DoubleVector b1t = DoubleVector.fromArray(D, b, bRow + L);
            DoubleVector b2t = DoubleVector.fromArray(D, b, bRow + 2 * L);
            DoubleVector b3t = DoubleVector.fromArray(D, b, bRow + 3 * L);
            DoubleVector b4t = DoubleVector.fromArray(D, b, bRow + 4 * L);
            int aT = a0 + t * L;
            DoubleVector x = DoubleVector.fromArray(D, a, aT);
            s00 = x.fma(b0t, s00); s01 = x.fma(b1t, s01); s02 = x.fma(b2t, s02); s03 = x.fma(b3t, s03); s04 = x.fma(b4t, s04);
            x = DoubleVector.fromArray(D, a, aT + aStep);
            s10 = x.fma(b0t, s10); s11 = x.fma(b1t, s11); s12 = x.fma(b2t, s12); s13 = x.fma(b3t, s13); s14 = x.fma(b4t, s14);
            x = DoubleVector.fromArray(D, a, aT + 2 * aStep);
            s20 = x.fma(b0t, s20); s21 = x.fma(b1t, s21); s22 = x.fma(b2t, s22); s23 = x.fma(b3t, s23); s24 = x.fma(b4t, s24);
            x = DoubleVector.fromArray(D, a, aT + 3 * aStep);
            s30 = x.fma(b0t, s30); s31 = x.fma(b1t, s31); s32 = x.fma(b2t, s32); s33 = x.fma(b3t, s33); s34 = x.fma(b4t, s34);
            x = DoubleVector.fromArray(D, a, aT + 4 * aStep);
            s40 = x.fma(b0t, s40); s41 = x.fma(b1t, s41); s42 = x.fma(b2t, s42); s43 = x.fma(b3t, s43); s44 = x.fma(b4t, s44);
        }
        int cStep = cols * L;
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s02.intoArray(c, c0 + 2 * L);
        s03.intoArray(c, c0 + 3 * L);
        s04.intoArray(c, c0 + 4 * L);
        s10.intoArray(c, c0 + cStep);
        s11.intoArray(c, c0 + cStep + L);
        s12.intoArray(c, c0 + cStep + 2 * L);
        s13.intoArray(c, c0 + cStep + 3 * L);
        s14.intoArray(c, c0 + cStep + 4 * L);
        s20.intoArray(c, c0 + 2 * cStep);
        s21.intoArray(c, c0 + 2 * cStep + L);
        s22.intoArray(c, c0 + 2 * cStep + 2 * L);
        s23.intoArray(c, c0 + 2 * cStep + 3 * L);
        s24.intoArray(c, c0 + 2 * cStep + 4 * L);
        s30.intoArray(c, c0 + 3 * cStep);
        s31.intoArray(c, c0 + 3 * cStep + L);
        s32.intoArray(c, c0 + 3 * cStep + 2 * L);
        s33.intoArray(c, c0 + 3 * cStep + 3 * L);
        s34.intoArray(c, c0 + 3 * cStep + 4 * L);
        s40.intoArray(c, c0 + 4 * cStep);
        s41.intoArray(c, c0 + 4 * cStep + L);
        s42.intoArray(c, c0 + 4 * cStep + 2 * L);
        s43.intoArray(c, c0 + 4 * cStep + 3 * L);
        s44.intoArray(c, c0 + 4 * cStep + 4 * L);
    }

    /** {@link LaneMath#tanh} with {@link LaneMath#expm1} written out (see the class comment). */
    @Override
    public void tanh(double[] x, int n, double scale) {
        DoubleVector invLn2 = DoubleVector.broadcast(D, LaneMath.INV_LN2);
        DoubleVector round = DoubleVector.broadcast(D, LaneMath.ROUND);
        DoubleVector ln2Hi = DoubleVector.broadcast(D, -LaneMath.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(D, -LaneMath.LN2_LO);
        DoubleVector zero = DoubleVector.zero(D);
        double[] ce = LaneMath.EXPM1_EVEN;
        DoubleVector ce0 = DoubleVector.broadcast(D, ce[0]);
        DoubleVector ce1 = DoubleVector.broadcast(D, ce[1]);
        DoubleVector ce2 = DoubleVector.broadcast(D, ce[2]);
        DoubleVector ce3 = DoubleVector.broadcast(D, ce[3]);
        DoubleVector ce4 = DoubleVector.broadcast(D, ce[4]);
        double[] co = LaneMath.EXPM1_ODD;
        DoubleVector co0 = DoubleVector.broadcast(D, co[0]);
        DoubleVector co1 = DoubleVector.broadcast(D, co[1]);
        DoubleVector co2 = DoubleVector.broadcast(D, co[2]);
        DoubleVector co3 = DoubleVector.broadcast(D, co[3]);
        DoubleVector co4 = DoubleVector.broadcast(D, co[4]);
        for (int i = 0; i < n * L; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i).mul(scale);
            DoubleVector y = v.abs().min(LaneMath.TANH_CAP).mul(-2.0);
            DoubleVector shifted = y.fma(invLn2, round);
            DoubleVector k = shifted.sub(round);
            DoubleVector r = k.fma(ln2Lo, k.fma(ln2Hi, y));
            DoubleVector r2 = r.mul(r);
            DoubleVector even = ce4.fma(r2, ce3).fma(r2, ce2).fma(r2, ce1).fma(r2, ce0);
            DoubleVector odd = co4.fma(r2, co3).fma(r2, co2).fma(r2, co1).fma(r2, co0);
            DoubleVector pr = r2.fma(odd.fma(r, even), r);
            DoubleVector twoN = shifted.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            DoubleVector e = twoN.fma(pr, twoN.sub(1.0));
            DoubleVector t = zero.sub(e).div(e.add(2.0));
            t.reinterpretAsLongs().or(v.reinterpretAsLongs().and(LaneMath.SIGN)).reinterpretAsDoubles()
                    .intoArray(x, i);
        }
    }

    @Override
    public void leaky(double[] x, int n, double scale, double slope) {
        DoubleVector zero = DoubleVector.zero(D);
        for (int i = 0; i < n * L; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i).mul(scale);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, zero)).intoArray(x, i);
        }
    }

    @Override
    public void scale(double[] x, int n, double scale) {
        for (int i = 0; i < n * L; i += W) {
            DoubleVector.fromArray(D, x, i).mul(scale).intoArray(x, i);
        }
    }

    @Override
    public void crankNicolson(double[] x, double[] noise, int from, int to, double rho, double c, double[] out) {
        for (int i = from * L; i < to * L; i += W) {
            DoubleVector.fromArray(D, x, i).mul(rho).add(DoubleVector.fromArray(D, noise, i).mul(c))
                    .intoArray(out, i);
        }
    }

    @Override
    public void squaredResiduals(double[] rows, double[] targets, int count, int dim, double[] w, double[] scale,
                                 double[] out) {
        for (int v = 0; v < L; v += W) {
            DoubleVector sc = DoubleVector.fromArray(D, scale, v);
            DoubleVector total = DoubleVector.zero(D);
            int i = 0;
            for (; i + 5 <= count; i += 5) { // the paper's 15 train and 10 test rows leave no remainder
                int o0 = i * dim;
                DoubleVector s0 = DoubleVector.zero(D), s1 = s0, s2 = s0, s3 = s0, s4 = s0;
                for (int j = 0; j < dim; j++) {
                    DoubleVector wj = DoubleVector.fromArray(D, w, j * L + v);
                    s0 = wj.fma(DoubleVector.broadcast(D, rows[o0 + j]), s0);
                    s1 = wj.fma(DoubleVector.broadcast(D, rows[o0 + dim + j]), s1);
                    s2 = wj.fma(DoubleVector.broadcast(D, rows[o0 + 2 * dim + j]), s2);
                    s3 = wj.fma(DoubleVector.broadcast(D, rows[o0 + 3 * dim + j]), s3);
                    s4 = wj.fma(DoubleVector.broadcast(D, rows[o0 + 4 * dim + j]), s4);
                }
                DoubleVector e0 = sc.mul(s0).sub(targets[i]);
                DoubleVector e1 = sc.mul(s1).sub(targets[i + 1]);
                DoubleVector e2 = sc.mul(s2).sub(targets[i + 2]);
                DoubleVector e3 = sc.mul(s3).sub(targets[i + 3]);
                DoubleVector e4 = sc.mul(s4).sub(targets[i + 4]);
                total = e0.fma(e0, total);
                total = e1.fma(e1, total);
                total = e2.fma(e2, total);
                total = e3.fma(e3, total);
                total = e4.fma(e4, total);
            }
            for (; i < count; i++) {
                DoubleVector s = DoubleVector.zero(D);
                for (int j = 0; j < dim; j++) {
                    s = DoubleVector.fromArray(D, w, j * L + v).fma(DoubleVector.broadcast(D, rows[i * dim + j]), s);
                }
                DoubleVector e = sc.mul(s).sub(targets[i]);
                total = e.fma(e, total);
            }
            total.intoArray(out, v);
        }
    }

    @Override
    public void sumOfSquares(double[] w, int n, double[] out) {
        for (int v = 0; v < L; v += W) {
            DoubleVector s = DoubleVector.zero(D);
            for (int j = 0; j < n; j++) {
                DoubleVector x = DoubleVector.fromArray(D, w, j * L + v);
                s = x.fma(x, s);
            }
            s.intoArray(out, v);
        }
    }

    /**
     * For n = 5, the paper's shape, one pass over the rows with the fifteen sums in registers
     * (each row's five entries loaded once); otherwise entry by entry. Each entry is the same fma
     * chain over the rows either way, so the two agree bit for bit.
     */
    @Override
    public void gramLower(double[] h, int rows, int n, double[] g) {
        if (n == 5) {
            gramLower5(h, rows, g);
            return;
        }
        for (int v = 0; v < L; v += W) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    DoubleVector s = DoubleVector.zero(D);
                    for (int a = 0; a < rows; a++) {
                        s = DoubleVector.fromArray(D, h, (a * n + i) * L + v)
                                .fma(DoubleVector.fromArray(D, h, (a * n + j) * L + v), s);
                    }
                    s.intoArray(g, (i * n + j) * L + v);
                }
            }
        }
    }

    private static void gramLower5(double[] h, int rows, double[] g) {
        for (int v = 0; v < L; v += W) {
            DoubleVector g00 = DoubleVector.zero(D);
            DoubleVector g10 = g00;
            DoubleVector g11 = g00;
            DoubleVector g20 = g00;
            DoubleVector g21 = g00;
            DoubleVector g22 = g00;
            DoubleVector g30 = g00;
            DoubleVector g31 = g00;
            DoubleVector g32 = g00;
            DoubleVector g33 = g00;
            DoubleVector g40 = g00;
            DoubleVector g41 = g00;
            DoubleVector g42 = g00;
            DoubleVector g43 = g00;
            DoubleVector g44 = g00;
            for (int a = 0; a < rows; a++) {
                int r = a * 5 * L + v;
                DoubleVector h0 = DoubleVector.fromArray(D, h, r);
                DoubleVector h1 = DoubleVector.fromArray(D, h, r + L);
                DoubleVector h2 = DoubleVector.fromArray(D, h, r + 2 * L);
                DoubleVector h3 = DoubleVector.fromArray(D, h, r + 3 * L);
                DoubleVector h4 = DoubleVector.fromArray(D, h, r + 4 * L);
                g00 = h0.fma(h0, g00);
                g10 = h1.fma(h0, g10);
                g11 = h1.fma(h1, g11);
                g20 = h2.fma(h0, g20);
                g21 = h2.fma(h1, g21);
                g22 = h2.fma(h2, g22);
                g30 = h3.fma(h0, g30);
                g31 = h3.fma(h1, g31);
                g32 = h3.fma(h2, g32);
                g33 = h3.fma(h3, g33);
                g40 = h4.fma(h0, g40);
                g41 = h4.fma(h1, g41);
                g42 = h4.fma(h2, g42);
                g43 = h4.fma(h3, g43);
                g44 = h4.fma(h4, g44);
            }
            g00.intoArray(g, v);
            g10.intoArray(g, 5 * L + v);
            g11.intoArray(g, 6 * L + v);
            g20.intoArray(g, 10 * L + v);
            g21.intoArray(g, 11 * L + v);
            g22.intoArray(g, 12 * L + v);
            g30.intoArray(g, 15 * L + v);
            g31.intoArray(g, 16 * L + v);
            g32.intoArray(g, 17 * L + v);
            g33.intoArray(g, 18 * L + v);
            g40.intoArray(g, 20 * L + v);
            g41.intoArray(g, 21 * L + v);
            g42.intoArray(g, 22 * L + v);
            g43.intoArray(g, 23 * L + v);
            g44.intoArray(g, 24 * L + v);
        }
    }

    /** {@link ScalarLanes#cholesky}, a lane's non-positive pivot selecting zeros for its column. */
    @Override
    public void cholesky(double[] g, int n, double[] f) {
        DoubleVector zero = DoubleVector.zero(D);
        for (int v = 0; v < L; v += W) {
            for (int j = 0; j < n; j++) {
                DoubleVector s = DoubleVector.fromArray(D, g, (j * n + j) * L + v);
                for (int t = 0; t < j; t++) {
                    DoubleVector fjt = DoubleVector.fromArray(D, f, (j * n + t) * L + v);
                    s = fjt.neg().fma(fjt, s);
                }
                VectorMask<Double> positive = s.compare(VectorOperators.GT, 0.0);
                DoubleVector pivot = zero.blend(s.lanewise(VectorOperators.SQRT), positive);
                pivot.intoArray(f, (j * n + j) * L + v);
                DoubleVector inv = DoubleVector.broadcast(D, 1.0).div(pivot);
                for (int i = j + 1; i < n; i++) {
                    DoubleVector x = DoubleVector.fromArray(D, g, (i * n + j) * L + v);
                    for (int t = 0; t < j; t++) {
                        x = DoubleVector.fromArray(D, f, (i * n + t) * L + v).neg()
                                .fma(DoubleVector.fromArray(D, f, (j * n + t) * L + v), x);
                    }
                    zero.blend(x.mul(inv), positive).intoArray(f, (i * n + j) * L + v);
                }
            }
        }
    }

    @Override
    public void timesLowerTransposed(double[] z, int rows, int n, double[] f, double[] out) {
        for (int v = 0; v < L; v += W) {
            for (int a = 0; a < rows; a++) {
                int r = a * n * L + v;
                for (int j = 0; j < n; j++) {
                    DoubleVector s = DoubleVector.zero(D);
                    for (int t = 0; t <= j; t++) {
                        s = DoubleVector.fromArray(D, z, r + t * L)
                                .fma(DoubleVector.fromArray(D, f, (j * n + t) * L + v), s);
                    }
                    s.intoArray(out, r + j * L);
                }
            }
        }
    }
}
