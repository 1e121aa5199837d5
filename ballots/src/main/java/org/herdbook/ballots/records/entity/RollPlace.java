package org.herdbook.ballots.records.entity;

/**
 * A member's place on a frozen roll, given only to that member.
 *
 * @param position their index among the sorted commitments
 * @param salt their secret salt, base64url
 * @param commitment their commitment, base64url
 */
public record RollPlace(int position, String salt, String commitment) {
}
