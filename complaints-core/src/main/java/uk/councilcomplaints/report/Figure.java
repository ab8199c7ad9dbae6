package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/** One figure of an annual report, printed the same way in every format. */
public sealed interface Figure {

    /** The figure as printed, e.g. {@code 12}, {@code 87.5% (35 of 40)}, {@code £1,250.00} or {@code n/a}. */
    String text();

    /** A number of cases, events or actions. */
    record Count(long value) implements Figure {
        public Count {
            checkArgument(value >= 0, "a count is not negative: %s", value);
        }

        @Override
        public String text() {
            return Long.toString(value);
        }
    }

    /** {@code part} of {@code whole}, as a percentage to one decimal place; {@code n/a} of none. */
    record Share(long part, long whole) implements Figure {
        public Share {
            checkArgument(part >= 0 && part <= whole, "a share is 0 to whole: %s of %s", part, whole);
        }

        /** The percentage, or empty of none. */
        public java.util.OptionalDouble percent() {
            return whole == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(100.0 * part / whole);
        }

        @Override
        public String text() {
            return whole == 0 ? "n/a" : String.format(Locale.UK, "%.1f%% (%d of %d)", 100.0 * part / whole, part, whole);
        }
    }

    /** A sum of money in pence. */
    record Amount(long pence) implements Figure {
        public Amount {
            checkArgument(pence >= 0, "an amount is not negative: %s", pence);
        }

        @Override
        public String text() {
            return String.format(Locale.UK, "£%,d.%02d", pence / 100, pence % 100);
        }
    }

    /** {@code count} per 1,000 of {@code base} (homes, residents), to one decimal place; {@code n/a} of none. */
    record PerThousand(long count, long base) implements Figure {
        public PerThousand {
            checkArgument(count >= 0 && base >= 0, "a rate counts from 0: %s per %s", count, base);
        }

        @Override
        public String text() {
            return base == 0 ? "n/a" : String.format(Locale.UK, "%.1f (%d per %,d)", 1000.0 * count / base, count, base);
        }
    }
}
