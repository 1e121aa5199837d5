/**
 * The ballot log: an append-only Merkle tree over the identifiers of accepted ballots, hashed
 * exactly as RFC 9162 (Certificate Transparency version 2.0) section 2.1 says, so that a member
 * can check that their ballot is counted and anyone can check that the log was only ever
 * appended to, without trusting the server.
 *
 * <p>Invariants:
 * <ul>
 *   <li>entries are only appended; an entry's index never changes, so a tree head of size
 *       {@code n} commits to exactly the first {@code n} entries;</li>
 *   <li>leaves and interior nodes are hashed with different one-byte prefixes (0x00 and 0x01),
 *       so no entry can pass for a subtree;</li>
 *   <li>a proof is checked against a root hash together with the tree size it was signed with;
 *       a root is meaningless without its size;</li>
 *   <li>verification needs only hashes, never the entries or the server, so the audit bundle's
 *       stand-alone verifier uses the same code.</li>
 * </ul>
 *
 * <p>The entry appended for an accepted vote is its ballot id: the 32 bytes of
 * {@code SHA-256(header "." payload)}. {@code control} computes tree hashes and proofs
 * ({@code MerkleTreeHash} entry by entry, {@code MerkleTree} for a whole log at once,
 * {@code MerkleFrontier} for appending in O(log n)) and signs tree heads ({@code typ}
 * {@code tree-head+jwt}) and receipts ({@code vote-receipt+jwt}) with the server key;
 * {@code entity} holds the signed statements. Storage is the web application's.
 */
package org.herdbook.ballots.log;
