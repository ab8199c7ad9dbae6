package uk.councilcomplaints.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference app: a complaints team's case management on the library, through its Spring Boot starter. Runs
 * on an H2 file of its own ({@code ./council-app-data/}) unless {@code spring.datasource.url} says otherwise.
 */
@SpringBootApplication
@EnableConfigurationProperties(AppProperties.class)
public class CouncilApp {

    public static void main(String[] args) {
        SpringApplication.run(CouncilApp.class, args);
    }
}
