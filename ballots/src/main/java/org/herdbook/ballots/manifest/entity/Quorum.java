package org.herdbook.ballots.manifest.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How many ballots must be cast (abstentions included) for a yes/no/abstain result to stand.
 */
public sealed interface Quorum {

    /**
     * @param rollSize the number of members on the frozen voter roll
     * @return the smallest number of ballots cast that meets the quorum
     */
    long required(long rollSize);

    /**
     * A fixed number of ballots.
     *
     * @param ballots the number of ballots that meets the quorum, not negative
     */
    record Count(long ballots) implements Quorum {

        public Count {
            if (ballots < 0) {
                throw new IllegalArgumentException("A quorum cannot be negative");
            }
        }

        @Override
        public long required(long rollSize) {
            return ballots;
        }
    }

    /**
     * A percentage of the voter roll, rounded up to whole ballots: 25% of a roll of 10 needs 3.
     *
     * @param percent from 0 to 100, at most two decimals, e.g. {@code 33.33}
     */
    record PercentOfRoll(BigDecimal percent) implements Quorum {

        public PercentOfRoll {
            Objects.requireNonNull(percent, "percent must not be null");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 2) {
                throw new IllegalArgumentException("A quorum is 0 to 100 percent with at most two decimals: " + percent);
            }
            percent = percent.stripTrailingZeros();
            if (percent.scale() < 0) {
                percent = percent.setScale(0);
            }
        }

        @Override
        public long required(long rollSize) {
            return percent.multiply(BigDecimal.valueOf(rollSize))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                    .longValueExact();
        }
    }
}
