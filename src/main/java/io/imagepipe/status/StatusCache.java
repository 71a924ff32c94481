package io.imagepipe.status;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rendered status documents, kept while their request's {@code updatedAt} has not moved: clients poll
 * far more often than a request changes, and a finished request never changes again. Bounded, least
 * recently used out first.
 */
@Component
class StatusCache {

    private static final int MAX_ENTRIES = 512;

    private final Map<Key, Rendered> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Rendered> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The document rendered for this version, or null. */
    synchronized byte[] get(Key key, OffsetDateTime version) {
        Rendered entry = entries.get(key);
        return entry != null && entry.version().equals(version) ? entry.json() : null;
    }

    synchronized void put(Key key, OffsetDateTime version, byte[] json) {
        entries.put(key, new Rendered(version, json));
    }

    /** Which page of which request. */
    record Key(String requestId, int page, int size) {
    }

    private record Rendered(OffsetDateTime version, byte[] json) {
    }
}
