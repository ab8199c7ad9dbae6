/**
 * Letters through GOV.UK Notify: a consumer of the event feed that emails the complainant when a complaint is
 * acknowledged and when it is answered, at most once per event, and records each letter on the case. Off unless
 * {@code council-app.notify.enabled=true}; see {@code docs/notify-letters.md}.
 */
package uk.councilcomplaints.app.letters;
