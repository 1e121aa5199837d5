-- A motion of a general meeting put to an online ballot: the ballot's closing time (shown while it
-- runs) and, once counted, the ballot's outcome, which says when a motion failed for want of quorum
-- rather than on the votes. One ballot decides one motion.
ALTER TABLE motion
    ADD COLUMN ballot_closes_at timestamptz,
    ADD COLUMN ballot_outcome   text CHECK (ballot_outcome IN ('adopted', 'rejected', 'no-quorum')),
    ADD CONSTRAINT motion_ballot_once UNIQUE (ballot_id),
    ADD CHECK ((coalesce(decided_by, '') = 'ballot') = (ballot_id IS NOT NULL)),
    ADD CHECK ((ballot_id IS NULL) = (ballot_closes_at IS NULL)),
    ADD CHECK ((ballot_outcome IS NOT NULL) = (ballot_id IS NOT NULL AND decided_at IS NOT NULL)),
    ADD CHECK (ballot_outcome IS NULL OR carried = (ballot_outcome = 'adopted'));
