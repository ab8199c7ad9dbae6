package uk.councilcomplaints.app.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

/** Without {@code council-app.notify.enabled=true} (the demonstration app) there is no client, no letters, no scheduler. */
class NotifyLettersOffTest {

    @Test
    void offByDefault() {
        new ApplicationContextRunner().withUserConfiguration(NotifyLettersConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(NotifyLetters.class);
            assertThat(context).doesNotHaveBean(uk.gov.service.notify.NotificationClient.class);
            assertThat(context).doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class);
        });
    }
}
