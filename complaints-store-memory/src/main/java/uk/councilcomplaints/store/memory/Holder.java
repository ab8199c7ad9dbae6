package uk.councilcomplaints.store.memory;

/** Who a complaint is allocated to, numbered in a {@link Dictionary}; {@link #NONE} when not allocated. */
record Holder(String officer, String team) {

    /** Not allocated: number 0 in every store. */
    static final Holder NONE = new Holder(null, null);
}
