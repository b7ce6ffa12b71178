package io.qfpayreversal.bench;

import java.nio.file.Path;

/** A built function: its function.zip and the template.yaml that deploys it. */
record Build(String name, Path functionZip, Path template) {

    /** "after": what scripts/build-for-runner.sh built from the working tree, with the working tree's template. */
    static Build workingTree() {
        return new Build("after: working tree", Path.of("target/function.zip"), Path.of("template.yaml"));
    }
}
