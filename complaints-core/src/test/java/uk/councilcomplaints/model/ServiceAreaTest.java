package uk.councilcomplaints.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceAreaTest {

    @Test
    void aPredefinedCodeAlwaysCarriesItsOwnName() {
        assertEquals(ServiceArea.ADULTS, ServiceArea.of("adults", "Adults"));
        assertEquals("Children's", ServiceArea.of("childrens", "Children's").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceArea.of("adults", "Adult social care"));
        assertEquals("service area 'adults' is predefined as 'Adults', not 'Adult social care'; give the council's "
                + "own area another code", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ServiceArea("other", "Others"));
        assertThrows(IllegalArgumentException.class, () -> ServiceArea.of("corporate", "corporate"));
    }

    @Test
    void areasAreEqualByCodeAlone() {
        ServiceArea waste = ServiceArea.of("waste", "Waste");
        ServiceArea renamed = ServiceArea.of("waste", "Bins and waste");
        assertEquals(waste, renamed);
        assertEquals(waste.hashCode(), renamed.hashCode());
        assertNotEquals(waste, ServiceArea.of("wastes", "Waste"));
    }

    @Test
    void codesAndNamesAreCheckedWithTheirLimits() {
        assertEquals("a".repeat(40), ServiceArea.of("a".repeat(40), "Forty").code());
        assertThrows(IllegalArgumentException.class, () -> ServiceArea.of("a".repeat(41), "Forty-one"));
        assertThrows(IllegalArgumentException.class, () -> ServiceArea.of("Waste", "Waste"));
        assertEquals("n".repeat(100), ServiceArea.of("waste", "n".repeat(100)).name());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> ServiceArea.of("waste", "n".repeat(100_000)));
        assertTrue(tooLong.getMessage().contains("at most 100 characters"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().length() < 200, "the message does not repeat the text");
        assertThrows(IllegalArgumentException.class, () -> ServiceArea.of("waste", " "));
        assertSame("Ysgolion", ServiceArea.of("schools", "Ysgolion").name());
    }
}
