package uk.councilcomplaints.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import uk.councilcomplaints.model.ComplaintId;

/** Ids and references are ordered as an SQL database orders them, checked against the definitions. */
class SortFieldTest {

    /** Characters whose UTF-16 and UTF-8 orders differ, plus ordinary ones and an unpaired surrogate. */
    private static final List<String> PIECES = List.of("A", "a", "0", "-", "?", "é", "ß", "\u00ff", "\u0100",
            "\u4e2d", "\ud7ff", "\ue000", "\uffe0", "\ufffd", "\uffff", "😀", "🐈", "\ud800\udc00", "\udbff\udfff",
            "\ud800");

    private static int byUtf8Bytes(String a, String b) {
        return Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
    }

    private static BigInteger unsigned128(ComplaintId id) {
        byte[] bytes = new byte[17]; // a leading zero byte keeps it positive
        long high = id.value().getMostSignificantBits();
        long low = id.value().getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[1 + i] = (byte) (high >>> (56 - 8 * i));
            bytes[9 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return new BigInteger(bytes);
    }

    static Gen<String> references() {
        return lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 6)
                .map(picks -> picks.stream().map(PIECES::get).reduce("", String::concat));
    }

    static Gen<ComplaintId> ids() {
        Gen<Long> halves = longs().all().mix(integers().between(-3, 3).map(Integer::longValue))
                .mix(longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 3));
        return halves.zip(halves, (high, low) -> new ComplaintId(new UUID(high, low)));
    }

    @Test
    void referencesAreOrderedByTheUnsignedBytesOfTheirUtf8Form() {
        qt().withExamples(5000).forAll(references(), references()).checkAssert((a, b) ->
                assertEquals(byUtf8Bytes(a, b), Integer.signum(SortField.compareReferences(a, b)), a + " / " + b));
    }

    @Test
    void anEmojiSortsAfterTheLastCharactersOfTheBasicPlaneUnlikeStringCompareTo() {
        assertTrue("😀".compareTo("\ue000") < 0, "UTF-16 puts the emoji first");
        assertTrue(SortField.compareReferences("😀", "\ue000") > 0);
        assertTrue(SortField.compareReferences("CMP-😀", "CMP-\uffff") > 0);
        assertTrue(SortField.compareReferences("CMP-é", "CMP-z") > 0);
        assertTrue(SortField.compareReferences("CMP", "CMP-") < 0, "a prefix comes first");
        assertEquals(0, SortField.compareReferences("CMP-é", "CMP-é"));
    }

    @Test
    void idsAreOrderedAsUnsigned128BitNumbers() {
        qt().withExamples(5000).forAll(ids(), ids()).checkAssert((a, b) ->
                assertEquals(unsigned128(a).compareTo(unsigned128(b)), Integer.signum(SortField.compareIds(a, b)),
                        a + " / " + b));
    }

    @Test
    void anIdWithItsTopBitSetSortsLastUnlikeUuidCompareTo() {
        ComplaintId top = new ComplaintId(new UUID(0x8000_0000_0000_0000L, 0));
        ComplaintId low = new ComplaintId(new UUID(0x7fff_ffff_ffff_ffffL, -1L));
        assertTrue(top.value().compareTo(low.value()) < 0, "UUID.compareTo is signed");
        assertTrue(SortField.compareIds(top, low) > 0);
        ComplaintId lowBitSet = new ComplaintId(new UUID(1, 0x8000_0000_0000_0000L));
        ComplaintId lowBitClear = new ComplaintId(new UUID(1, 0x7fff_ffff_ffff_ffffL));
        assertTrue(SortField.compareIds(lowBitSet, lowBitClear) > 0);
        assertEquals(0, SortField.compareIds(top, new ComplaintId(new UUID(0x8000_0000_0000_0000L, 0))));
    }
}
