package io.qfpayreversal.nativeimage;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks GraalVM substitutions against the classes they substitute, as the image builder will
 * meet them: every active {@code @TargetClass} names a class that loads, every {@code @Substitute},
 * {@code @Alias}, {@code @Delete}, {@code @KeepOriginal} or {@code @AnnotateOriginal} member names
 * a member of it with the same parameter types (alias classes read as their targets), and an
 * overload that a substitution leaves alone has a body that links. The last rule catches a
 * dependency that moved past its substitutions: Netty 4.1.136 kept
 * {@code SslContext.newClientContextInternal}'s old signature and added one with another boolean,
 * which Quarkus 3.33's substitution does not cover, so the original body, OpenSSL contexts and all,
 * comes back into the image, and those need netty-tcnative's classes.
 */
final class SubstitutionCheck {

    private final ClassLoader loader;
    private final List<String> unusedOptionalPackages;
    private final Map<String, Optional<String>> targetNames = new HashMap<>();
    /** Per target class: method name → the signatures some substitution class names. */
    private final Map<String, Map<String, Set<String>>> named = new LinkedHashMap<>();
    /** Per target class: the method names some substitution replaces, and by whom. */
    private final Map<String, Map<String, String>> substituted = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int active;
    private int jdkTargets;

    /**
     * @param unusedOptionalPackages packages of optional libraries that are absent on purpose and
     *     that only unreachable code names (the image builder then leaves them to run time)
     */
    SubstitutionCheck(ClassLoader loader, List<String> unusedOptionalPackages) {
        this.loader = loader;
        this.unusedOptionalPackages = List.copyOf(unusedOptionalPackages);
    }

    /** The problems found, one line each; empty when every substitution matches its target. */
    List<String> check(List<String> substitutionClasses) {
        for (String name : substitutionClasses) {
            checkClass(name);
        }
        checkOverloads();
        return List.copyOf(problems);
    }

    /** How many substitution classes applied (their {@code onlyWith} held). */
    int activeClasses() {
        return active;
    }

    /** How many of those target the JDK, which only the image builder's JDK can check. */
    int jdkTargets() {
        return jdkTargets;
    }

    private void checkClass(String name) {
        Class<?> substitution;
        Annotation targetClass;
        try {
            substitution = Class.forName(name, false, loader);
            targetClass = SvmAnnotations.find(substitution, SvmAnnotations.TARGET_CLASS).orElse(null);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            problems.add(where(name, null) + ": cannot be loaded: " + e);
            return;
        }
        if (targetClass == null || !SvmAnnotations.forThisPlatform(substitution)) {
            return; // the annotation's name only appears in its constant pool, or another OS's class
        }
        String targetName;
        Class<?> target;
        try {
            targetName = SvmAnnotations.targetName(targetClass);
            target = load(targetName);
            if (!SvmAnnotations.onlyWithHolds(targetClass, target)) {
                return;
            }
        } catch (LinkageError | RuntimeException e) {
            problems.add(where(name, substitution) + ": its @TargetClass cannot be evaluated: " + e);
            return;
        }
        active++;
        if (target == null) {
            problems.add(where(name, substitution) + ": target class " + targetName + " is not on the class path");
            return;
        }
        if (target.getClassLoader() != loader) {
            jdkTargets++; // the image builder's own JDK, not this one, is what such a substitution meets
            return;
        }
        try {
            checkMembers(substitution, target);
        } catch (LinkageError e) {
            problems.add(where(name, substitution) + ": " + targetName + " or the substitution does not link: " + e);
        }
    }

    private void checkMembers(Class<?> substitution, Class<?> target) {
        List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(substitution.getDeclaredMethods()));
        members.addAll(Arrays.asList(substitution.getDeclaredConstructors()));
        members.addAll(Arrays.asList(substitution.getDeclaredFields()));
        for (Member member : members) {
            java.lang.reflect.AnnotatedElement element = (java.lang.reflect.AnnotatedElement) member;
            Optional<String> kind = SvmAnnotations.memberKind(element);
            if (kind.isEmpty() || kind.get().equals("Inject")) {
                continue; // an injected field is new: nothing to find
            }
            Optional<Annotation> targetElement = SvmAnnotations.find(element, SvmAnnotations.TARGET_ELEMENT);
            if (targetElement.isPresent() && !SvmAnnotations.onlyWithHolds(targetElement.get(), target)) {
                continue;
            }
            String elementName = targetElement.map(a -> (String) SvmAnnotations.attribute(a, "name"))
                    .filter(n -> !n.isEmpty()).orElse(member instanceof Constructor<?> ? "<init>" : member.getName());
            if (member instanceof Field) {
                checkField(substitution, target, kind.get(), elementName);
            } else {
                checkExecutable(substitution, target, kind.get(), elementName, (Executable) member);
            }
        }
    }

    private void checkField(Class<?> substitution, Class<?> target, String kind, String name) {
        if (!declaresField(target, name)) {
            problems.add(where(substitution.getName(), substitution) + ": @" + kind + " field " + name
                    + " does not exist in " + target.getName() + " (" + jar(target) + ")");
        }
    }

    private void checkExecutable(Class<?> substitution, Class<?> target, String kind, String name,
            Executable member) {
        String signature = name + "(" + Arrays.stream(member.getParameterTypes()).map(this::targetTypeName)
                .collect(Collectors.joining(", ")) + ")";
        named.computeIfAbsent(target.getName(), t -> new HashMap<>())
                .computeIfAbsent(name, n -> new LinkedHashSet<>()).add(signature);
        if (kind.equals("Substitute") && !name.equals("<init>")) {
            substituted.computeIfAbsent(target.getName(), t -> new LinkedHashMap<>())
                    .putIfAbsent(name, substitution.getName());
        }
        if (!signaturesOf(target, name).contains(signature)) {
            problems.add(where(substitution.getName(), substitution) + ": @" + kind + " " + signature
                    + " does not exist in " + target.getName() + " (" + jar(target) + "), which has "
                    + signaturesOf(target, name));
        }
    }

    /**
     * An overload that no substitution names keeps its original body in the image. That is often
     * by design, but the body must then parse: when it names classes that do not link, the build
     * fails on it.
     */
    private void checkOverloads() {
        substituted.forEach((targetName, names) -> names.forEach((name, by) -> {
            Class<?> target = load(targetName);
            for (Method overload : target.getDeclaredMethods()) {
                if (!overload.getName().equals(name) || overload.isSynthetic()
                        || named.get(targetName).get(name).contains(signature(name, overload.getParameterTypes()))) {
                    continue;
                }
                List<String> unresolved = BodyLinkage.unresolved(loader, target, name,
                        org.objectweb.asm.Type.getMethodDescriptor(overload)).stream()
                        .filter(missing -> unusedOptionalPackages.stream().noneMatch(missing::contains)).toList();
                if (!unresolved.isEmpty()) {
                    problems.add(where(by, null) + ": substitutes " + targetName + "." + name + " but not "
                            + signature(name, overload.getParameterTypes()) + " (" + jar(target)
                            + "), whose original body the image must then parse, and it names classes that do not link: "
                            + unresolved);
                }
            }
        }));
    }

    /** The image builder finds an aliased field in the target or a superclass. */
    private static boolean declaresField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Arrays.stream(c.getDeclaredFields()).anyMatch(f -> f.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> signaturesOf(Class<?> target, String name) {
        List<String> signatures = new ArrayList<>();
        if (name.equals("<init>")) {
            for (Constructor<?> constructor : target.getDeclaredConstructors()) {
                signatures.add(signature(name, constructor.getParameterTypes()));
            }
        } else {
            for (Method method : target.getDeclaredMethods()) {
                if (method.getName().equals(name) && !method.isBridge() && !method.isSynthetic()) {
                    signatures.add(signature(name, method.getParameterTypes()));
                }
            }
        }
        return signatures;
    }

    private static String signature(String name, Class<?>[] parameters) {
        return name + "(" + Arrays.stream(parameters).map(Class::getName).collect(Collectors.joining(", ")) + ")";
    }

    /** A parameter's type as the image builder reads it: an alias class stands for its target. */
    private String targetTypeName(Class<?> type) {
        if (type.isArray()) {
            String component = targetTypeName(type.getComponentType());
            return type.getComponentType().isPrimitive() ? type.getName()
                    : type.getComponentType().isArray() ? "[" + component : "[L" + component + ";";
        }
        return targetNames.computeIfAbsent(type.getName(), n -> SvmAnnotations
                .find(type, SvmAnnotations.TARGET_CLASS).map(SvmAnnotations::targetName)).orElse(type.getName());
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String where(String name, Class<?> type) {
        return name + (type == null ? "" : " (" + jar(type) + ")");
    }

    static String jar(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null ? "?" : Path.of(source.getLocation().getPath()).getFileName().toString();
    }
}
