package io.qfpayreversal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code Default} of a template's {@code JvmOptions} parameter: what it deploys as
 * JAVA_TOOL_OPTIONS. A line reader of {@code Parameters: JvmOptions: Default:} alone, since the
 * template's CloudFormation tags ({@code !Ref}, {@code !If}) are not plain YAML and no YAML parser
 * is on the test class path.
 */
final class TemplateJvmOptions {

    private TemplateJvmOptions() {
    }

    static String defaultIn(Path template) throws IOException {
        return defaultOf(Files.readAllLines(template));
    }

    static String defaultOf(List<String> lines) {
        boolean inParameters = false;
        int parameterIndent = -1;
        String parameter = null;
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int indent = line.indexOf(text.charAt(0));
            if (indent == 0) {
                inParameters = text.equals("Parameters:");
                parameterIndent = -1;
                parameter = null;
            } else if (inParameters) {
                if (parameterIndent < 0) {
                    parameterIndent = indent;
                }
                if (indent == parameterIndent) {
                    parameter = text;
                } else if ("JvmOptions:".equals(parameter) && text.startsWith("Default:")) {
                    return scalar(text.substring("Default:".length()).strip());
                }
            }
        }
        throw new IllegalStateException("the template has no Parameters: JvmOptions: Default:");
    }

    private static String scalar(String value) {
        if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            return value.substring(1, value.length() - 1);
        }
        if (value.startsWith("|") || value.startsWith(">")) {
            throw new IllegalStateException("JvmOptions' Default is a block scalar; write it on one line");
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment).strip();
    }
}
