package uk.councilcomplaints.model;

/** How a contact reached the council. */
public enum Channel {
    EMAIL,
    PHONE,
    WEB_FORM,
    LETTER,
    IN_PERSON,
    SOCIAL_MEDIA,
    ELECTED_MEMBER,
    OTHER
}
