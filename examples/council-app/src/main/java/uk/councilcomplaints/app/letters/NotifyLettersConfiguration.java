package uk.councilcomplaints.app.letters;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.councilcomplaints.app.AppProperties;
import uk.councilcomplaints.spring.boot.ComplaintsProperties;
import uk.councilcomplaints.store.jdbc.FeedConsumerException;
import uk.councilcomplaints.workflow.Complaints;
import uk.gov.service.notify.NotificationClient;

/**
 * With {@code council-app.notify.enabled=true}: Notify's client, the letters and a scheduled poll of the event feed
 * every {@code council-app.notify.poll-interval} after the last ended. Scheduling is enabled here only, so an app
 * without Notify runs no scheduler.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "council-app.notify.enabled", havingValue = "true")
@EnableConfigurationProperties(NotifyProperties.class)
@EnableScheduling
public class NotifyLettersConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyLettersConfiguration.class);

    @Bean
    NotificationClient notificationClient(NotifyProperties notify) {
        if (notify.getApiKey() == null || notify.getApiKey().isBlank()) {
            throw new IllegalArgumentException("council-app.notify.api-key is required when council-app.notify.enabled=true");
        }
        return new NotificationClient(notify.getApiKey(), notify.getBaseUrl());
    }

    @Bean
    NotifyLetters notifyLetters(Complaints complaints, DataSource dataSource, ComplaintsProperties library,
            AppProperties app, NotificationClient client, NotifyProperties notify) {
        return new NotifyLetters(complaints, dataSource, library.getCouncil(), app.getCouncilName(), client, notify,
                Sleeper.THREAD);
    }

    @Bean
    Poller notifyLettersPoller(NotifyLetters letters) {
        return new Poller(letters);
    }

    /** Polls on the scheduler's thread; again at once while a poll fills its batch. */
    static final class Poller {

        private final NotifyLetters letters;

        Poller(NotifyLetters letters) {
            this.letters = letters;
        }

        @Scheduled(fixedDelayString = "${council-app.notify.poll-interval:30s}",
                initialDelayString = "${council-app.notify.poll-interval:30s}")
        void poll() {
            try {
                while (letters.poll() == NotifyLetters.BATCH_SIZE) {
                    LOG.debug("A full batch of events: polling again");
                }
            } catch (FeedConsumerException e) {
                LOG.warn("Letters through Notify: the poll failed and will be tried again (position {})",
                        letters.position(), e);
            }
        }
    }
}
