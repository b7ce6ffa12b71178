package io.qfpayreversal.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the image builder meets when it parses a method's original body: every class the body
 * names (calls, fields, {@code new}, casts) must load and link, with the types of its members. A
 * class whose signatures name a class missing from the class path does not link, and the build
 * stops there ("unresolved method during parsing", {@code NoClassDefFoundError}).
 */
final class BodyLinkage {

    private BodyLinkage() {
    }

    /** The classes {@code owner.name(descriptor)}'s body names that do not link, with why. */
    static List<String> unresolved(ClassLoader loader, Class<?> owner, String name, String descriptor) {
        Set<String> named = namedBy(loader, owner, name, descriptor);
        List<String> unresolved = new ArrayList<>();
        for (String type : named) {
            try {
                Class<?> referenced = Class.forName(type, false, loader);
                referenced.getDeclaredConstructors();
                referenced.getDeclaredMethods();
                referenced.getDeclaredFields();
            } catch (ClassNotFoundException | LinkageError e) {
                unresolved.add(type + ": " + e);
            }
        }
        return unresolved;
    }

    private static Set<String> namedBy(ClassLoader loader, Class<?> owner, String name, String descriptor) {
        Set<String> named = new LinkedHashSet<>();
        try (InputStream in = loader.getResourceAsStream(owner.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalStateException("no class file for " + owner.getName());
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String desc, String signature,
                        String[] exceptions) {
                    return method.equals(name) && desc.equals(descriptor) ? new References(named) : null;
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new IllegalStateException("reading " + owner.getName(), e);
        }
        return named;
    }

    /** Collects the classes a body names. */
    private static final class References extends MethodVisitor {

        private final Set<String> named;

        References(Set<String> named) {
            super(Opcodes.ASM9);
            this.named = named;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            add(Type.getObjectType(type));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
            add(Type.getObjectType(owner));
            add(Type.getType(descriptor));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String descriptor, boolean itf) {
            add(Type.getObjectType(owner));
            add(Type.getReturnType(descriptor));
            for (Type argument : Type.getArgumentTypes(descriptor)) {
                add(argument);
            }
        }

        private void add(Type type) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (element.getSort() == Type.OBJECT) {
                named.add(element.getClassName());
            }
        }
    }
}
