package io.qfpayreversal.qfpay;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parameters of one QFPay call, sorted by name. Absent and empty values are left out, so
 * what is signed is exactly what is sent.
 */
public final class WireParams {

    private final TreeMap<String, String> values = new TreeMap<>();

    public WireParams put(String name, String value) {
        if (value != null && !value.isEmpty()) {
            values.put(name, value);
        }
        return this;
    }

    /** A separate copy to add to. */
    public WireParams copy() {
        WireParams copy = new WireParams();
        copy.values.putAll(values);
        return copy;
    }

    public SortedMap<String, String> sorted() {
        return Collections.unmodifiableSortedMap(values);
    }

    @Override
    public String toString() {
        return "WireParams" + values.keySet();
    }
}
