package uk.councilcomplaints.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * An amount of money in pounds sterling, held in whole pence: a financial remedy offered or recommended.
 *
 * @param pence the amount in pence, 1 to 100,000,000 (one million pounds)
 */
public record Money(long pence) implements Comparable<Money> {

    /** The largest amount accepted: one million pounds. */
    public static final long MAX_PENCE = 100_000_000L;

    public Money {
        checkArgument(pence >= 1 && pence <= MAX_PENCE, "an amount must be 1p to £1,000,000.00, was %s pence", pence);
    }

    /** The amount of {@code pounds} whole pounds. */
    public static Money pounds(long pounds) {
        checkArgument(pounds >= 1 && pounds <= MAX_PENCE / 100, "an amount must be £1 to £1,000,000, was %s", pounds);
        return new Money(pounds * 100);
    }

    /** Parses "250", "250.5", "250.50", "£1,250.00"; throws {@link IllegalArgumentException} naming the text. */
    public static Money parse(String text) {
        String s = text.strip().replace(",", "");
        if (s.startsWith("£")) {
            s = s.substring(1);
        }
        if (!s.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("'" + text + "' is not an amount in pounds such as 250 or 1250.50");
        }
        int dot = s.indexOf('.');
        long pounds = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        long pence = dot < 0 ? 0 : Long.parseLong((s.substring(dot + 1) + "0").substring(0, 2));
        return new Money(pounds * 100 + pence);
    }

    /** The amount as "£1,250.00". */
    @Override
    public String toString() {
        return String.format(Locale.UK, "£%,d.%02d", pence / 100, pence % 100);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }
}
