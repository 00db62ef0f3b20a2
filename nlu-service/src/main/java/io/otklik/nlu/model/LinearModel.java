package io.otklik.nlu.model;

import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The trained OpenNLP maximum-entropy model laid out for fast evaluation: the same weights and the same softmax as
 * {@code QNModel.eval}, but every feature's weights in one flat array and the features found through an
 * open-addressing table of 64-bit string hashes instead of a map of String keys to objects.
 *
 * <p>Why: with about 150 000 features the OpenNLP map walks five objects per lookup (map node, key, key bytes,
 * context, its arrays), each a cache miss on a 2-core machine; here it is the table slot and one row of weights.
 * OpenNLP stays the learner and the file format; this class only evaluates what it learned. A feature is matched by
 * its 64-bit hash: two known features with one hash are refused when the model is built, and an unknown feature
 * taken for a known one has a chance of about 1e-14 per lookup.
 */
final class LinearModel {

    private final String[] outcomes;
    private final int width;
    private final double[] weights;
    private final long[] keys;
    private final int[] rows;
    private final int mask;

    private LinearModel(String[] outcomes, double[] weights, long[] keys, int[] rows) {
        this.outcomes = outcomes;
        this.width = outcomes.length;
        this.weights = weights;
        this.keys = keys;
        this.rows = rows;
        this.mask = keys.length - 1;
    }

    /** Copies the weights of an OpenNLP maxent model (QN or GIS). */
    static LinearModel of(MaxentModel model) {
        Object[] data = ((AbstractModel) model).getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) data[1];
        String[] outcomes = ((String[]) data[2]).clone();
        int n = predicates.size();
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        int[] rows = new int[capacity];
        java.util.Arrays.fill(rows, -1);
        double[] weights = new double[n * outcomes.length];
        int row = 0;
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            long h = hash(e.getKey());
            int slot = (int) h & (capacity - 1);
            while (rows[slot] >= 0) {
                if (keys[slot] == h) {
                    throw new IllegalStateException("two features of the intent model share a 64-bit hash: '"
                            + e.getKey() + "'");
                }
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = h;
            rows[slot] = row;
            double[] params = e.getValue().getParameters();
            int[] outs = e.getValue().getOutcomes();
            for (int j = 0; j < outs.length; j++) {
                weights[row * outcomes.length + outs[j]] = params[j];
            }
            row++;
        }
        return new LinearModel(outcomes, weights, keys, rows);
    }

    /** Probabilities by outcome index, as {@code QNModel.eval}: a softmax of the summed weights of the features. */
    double[] eval(String[] features) {
        double[] score = new double[width];
        for (String f : features) {
            int r = row(f);
            if (r >= 0) {
                int base = r * width;
                for (int j = 0; j < width; j++) {
                    score[j] += weights[base + j];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (double s : score) {
            sum += Math.exp(s - max);
        }
        double logSum = max + Math.log(sum);
        for (int j = 0; j < width; j++) {
            score[j] = Math.exp(score[j] - logSum);
        }
        return score;
    }

    /** The index of an outcome name, or -1. */
    int indexOf(String outcome) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].equals(outcome)) {
                return i;
            }
        }
        return -1;
    }

    int features() {
        return (int) java.util.Arrays.stream(rows).filter(r -> r >= 0).count();
    }

    private int row(String feature) {
        long h = hash(feature);
        int slot = (int) h & mask;
        while (true) {
            int r = rows[slot];
            if (r < 0) {
                return -1;
            }
            if (keys[slot] == h) {
                return r;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** FNV-1a over the UTF-16 chars, finished with MurmurHash3's fmix64 so the low bits spread well. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
