package se.kuvert.timing;

/** An award of a run's show, in show order, with its planned segment length in minutes (null: not planned). */
record PlannedAward(String awardId, String name, Integer minutes) {
}
