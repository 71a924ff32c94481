package io.imagepipe.common;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/** A role a process can run; {@code imagepipe.roles} lists them, all three by default. */
public enum Role {
    API, WORKER, PROCESSOR;

    /** The property naming a process's roles. */
    public static final String PROPERTY = "imagepipe.roles";

    /** The roles this environment asks for; never empty. */
    public static Set<Role> enabledIn(Environment environment) {
        String value = environment.getProperty(PROPERTY, "api,worker,processor").trim();
        if (value.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " is empty: name at least one of api, worker, processor");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .forEach(name -> roles.add(parse(name)));
        return roles;
    }

    private static Role parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unknown role '" + name + "' in " + PROPERTY + ": use api, worker, processor", e);
        }
    }
}
