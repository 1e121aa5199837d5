package org.herdbook.ballots.audit.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which ballots count when members revote: for each key, only the ballot with the highest
 * {@code seq}; every other ballot of that key is superseded (and stays in the log, marked).
 */
final class Revotes {

    private Revotes() {
    }

    /**
     * @param kids each ballot's key thumbprint, in log order
     * @param seqs each ballot's {@code seq}, in log order
     * @return for each ballot, whether it is superseded
     */
    static boolean[] superseded(List<String> kids, long[] seqs) {
        Map<String, Integer> latest = new HashMap<>();
        for (int i = 0; i < seqs.length; i++) {
            Integer previous = latest.get(kids.get(i));
            if (previous == null || seqs[i] > seqs[previous]) {
                latest.put(kids.get(i), i);
            }
        }
        boolean[] superseded = new boolean[seqs.length];
        java.util.Arrays.fill(superseded, true);
        for (int index : latest.values()) {
            superseded[index] = false;
        }
        return superseded;
    }
}
