package uk.councilcomplaints.app;

import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.model.ServiceArea;

/** The council's service areas offered by the forms and filters. */
final class ServiceAreas {

    static final List<ServiceArea> ALL = List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS, ServiceArea.CORPORATE,
            ServiceArea.of("highways", "Highways"), ServiceArea.of("housing", "Housing"),
            ServiceArea.of("waste", "Waste and recycling"), ServiceArea.OTHER);

    private ServiceAreas() {
    }

    static Optional<ServiceArea> byCode(String code) {
        return ALL.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}
