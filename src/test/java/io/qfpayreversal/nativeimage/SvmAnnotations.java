package io.qfpayreversal.nativeimage;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * GraalVM's substitution annotations ({@code com.oracle.svm.core.annotate}) read by name through
 * reflection, since they come from the class loader of the class path under check, not the tests'.
 */
final class SvmAnnotations {

    static final String PACKAGE = "com.oracle.svm.core.annotate.";
    static final String TARGET_CLASS = PACKAGE + "TargetClass";
    static final String TARGET_ELEMENT = PACKAGE + "TargetElement";
    /** Member annotations that name an element the target must have. */
    static final java.util.List<String> MUST_EXIST = java.util.List.of("Substitute", "Alias", "Delete",
            "KeepOriginal", "AnnotateOriginal");
    static final String INJECT = PACKAGE + "Inject";
    static final String SUBSTITUTE = PACKAGE + "Substitute";

    private SvmAnnotations() {
    }

    /**
     * Whether a class applies to a Linux image: no {@code @Platforms}, or one that lists a
     * platform Linux on amd64 or aarch64 is.
     */
    static boolean forThisPlatform(Class<?> type) {
        Optional<Annotation> platforms = find(type, "org.graalvm.nativeimage.Platforms");
        if (platforms.isEmpty()) {
            return true;
        }
        for (Class<?> platform : (Class<?>[]) attribute(platforms.get(), "value")) {
            for (String linux : java.util.List.of("LINUX_AMD64", "LINUX_AARCH64")) {
                try {
                    Class<?> current = Class.forName("org.graalvm.nativeimage.Platform$" + linux, false,
                            type.getClassLoader());
                    if (platform.isAssignableFrom(current)) {
                        return true;
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("GraalVM's Platform API is not on the class path", e);
                }
            }
        }
        return false;
    }

    static Optional<Annotation> find(AnnotatedElement element, String type) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(type)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    static boolean has(AnnotatedElement element, String type) {
        return find(element, type).isPresent();
    }

    /** The first of {@link #MUST_EXIST} on the element, or {@code Inject}, by simple name. */
    static Optional<String> memberKind(AnnotatedElement element) {
        for (String kind : MUST_EXIST) {
            if (has(element, PACKAGE + kind)) {
                return Optional.of(kind);
            }
        }
        return has(element, INJECT) ? Optional.of("Inject") : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static <T> T attribute(Annotation annotation, String name) {
        try {
            return (T) annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + "." + name, e);
        }
    }

    /**
     * Whether every {@code onlyWith} condition holds, as the image builder evaluates them: a
     * {@link BooleanSupplier}, or a {@link Predicate} of the original class (null when absent).
     */
    @SuppressWarnings("unchecked")
    static boolean onlyWithHolds(Annotation annotation, Class<?> original) {
        for (Class<?> condition : (Class<?>[]) attribute(annotation, "onlyWith")) {
            Object instance = instantiate(condition);
            boolean holds;
            if (instance instanceof BooleanSupplier supplier) {
                holds = supplier.getAsBoolean();
            } else if (instance instanceof Predicate<?> predicate) {
                holds = ((Predicate<Object>) predicate).test(original);
            } else {
                throw new IllegalStateException(condition.getName() + " is neither a BooleanSupplier nor a Predicate");
            }
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** The target's binary name: {@code value}, else {@code className}, else the provider, then inner classes. */
    @SuppressWarnings("unchecked")
    static String targetName(Annotation targetClass) {
        Class<?> value = attribute(targetClass, "value");
        String name;
        if (!value.getName().equals(TARGET_CLASS)) {
            name = value.getName();
        } else if (!((String) attribute(targetClass, "className")).isEmpty()) {
            name = attribute(targetClass, "className");
        } else {
            Class<?> provider = attribute(targetClass, "classNameProvider");
            name = ((Function<Annotation, String>) instantiate(provider)).apply(targetClass);
        }
        for (String inner : (String[]) attribute(targetClass, "innerClass")) {
            name += "$" + inner;
        }
        return name;
    }

    static Object instantiate(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName(), e);
        }
    }
}
