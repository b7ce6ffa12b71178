package io.qfpayreversal.bench;

/**
 * How a variant's function.zip runs, as template.yaml's {@code PackageType} deploys it: {@code JVM}
 * on the managed java21 runtime (AWS's runtime interface client on the JVM), {@code NATIVE} on
 * provided.al2023 (the zip's {@code bootstrap} executable, polling the Runtime API itself).
 */
enum PackageType {
    JVM,
    NATIVE
}
