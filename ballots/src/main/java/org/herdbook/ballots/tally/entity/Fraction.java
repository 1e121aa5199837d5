package org.herdbook.ballots.tally.entity;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact non-negative rational number, always in lowest terms, for vote values in the single
 * transferable vote. Written as {@code "p"} or {@code "p/q"} in tallies. Immutable.
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /**
     * @param numerator not negative
     * @param denominator positive
     * @return the fraction in lowest terms
     */
    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        Objects.requireNonNull(numerator, "numerator must not be null");
        Objects.requireNonNull(denominator, "denominator must not be null");
        if (denominator.signum() <= 0 || numerator.signum() < 0) {
            throw new IllegalArgumentException("Vote values are non-negative with a positive denominator");
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() == 0) {
            return ZERO;
        }
        return new Fraction(numerator.divide(gcd), denominator.divide(gcd));
    }

    /** @return the whole number {@code value} */
    public static Fraction of(long value) {
        return of(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public Fraction plus(Fraction other) {
        if (denominator.equals(other.denominator)) {
            return of(numerator.add(other.numerator), denominator);
        }
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** @return {@code this - other}, which must not be negative */
    public Fraction minus(Fraction other) {
        return of(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction times(Fraction other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Fraction times(long factor) {
        return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /** @return {@code this / other}, {@code other} not zero */
    public Fraction dividedBy(Fraction other) {
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fraction f && numerator.equals(f.numerator) && denominator.equals(f.denominator);
    }

    @Override
    public int hashCode() {
        return numerator.hashCode() * 31 + denominator.hashCode();
    }

    /** @return {@code "p"} for whole numbers, else {@code "p/q"} in lowest terms */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
