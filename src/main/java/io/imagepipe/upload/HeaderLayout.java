package io.imagepipe.upload;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where each of ImagePipe's columns sits in a header row, and the header as written. */
final class HeaderLayout {

    private final List<String> names;
    private final Map<ColumnRole, Integer> index;

    private HeaderLayout(List<String> names, Map<ColumnRole, Integer> index) {
        this.names = names;
        this.index = index;
    }

    /** Reads a header row, reporting missing, duplicate and blank headers on line 1. */
    static HeaderLayout read(List<String> cells, CsvErrors errors) {
        List<String> names = new ArrayList<>(cells);
        Map<ColumnRole, Integer> index = new EnumMap<>(ColumnRole.class);
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            names.set(i, name);
            if (name.isEmpty()) {
                errors.add(1, null, "column " + (i + 1) + " has no header");
                continue;
            }
            Integer earlier = seen.putIfAbsent(ColumnRole.normalise(name), i);
            if (earlier != null) {
                errors.add(1, name, "duplicate header: '" + name + "' repeats column " + (earlier + 1));
                continue;
            }
            int column = i;
            ColumnRole.of(name).ifPresent(role -> {
                Integer other = index.putIfAbsent(role, column);
                if (other != null) {
                    errors.add(1, name, "'" + name + "' and '" + names.get(other) + "' are the same column");
                }
            });
        }
        for (ColumnRole role : ColumnRole.values()) {
            if (!index.containsKey(role)) {
                errors.add(1, role.canonical(), "missing column '" + role.canonical() + "'");
            }
        }
        return new HeaderLayout(List.copyOf(names), index);
    }

    List<String> names() {
        return names;
    }

    int indexOf(ColumnRole role) {
        return index.get(role);
    }

    String nameOf(ColumnRole role) {
        return names.get(index.get(role));
    }
}
