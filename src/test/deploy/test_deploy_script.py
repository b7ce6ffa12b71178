"""make deploy deploys what target/function.zip holds, and refuses a PACKAGE that contradicts it."""
import os
import stat
import subprocess
import zipfile

import pytest

from cfn import ROOT

ELF_X86_64 = b"\x7fELF\x02\x01\x01" + b"\x00" * 11 + b"\x3e\x00" + b"\x00" * 40
ELF_ARM64 = b"\x7fELF\x02\x01\x01" + b"\x00" * 11 + b"\xb7\x00" + b"\x00" * 40


@pytest.fixture
def sam(tmp_path):
    """A `sam` on PATH that records its arguments instead of deploying."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "sam-args"
    script = bin_dir / "sam"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return bin_dir, record


def function_zip(tmp_path, entries):
    path = tmp_path / "function.zip"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def deploy(sam, zip_path, make_vars=()):
    bin_dir, record = sam
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FUNCTION_ZIP": str(zip_path)}
    run = subprocess.run(["make", "-s", "-C", str(ROOT), "deploy", *make_vars], env=env,
                         capture_output=True, text=True, timeout=60)
    args = record.read_text().split("\n")[:-1] if record.exists() else None
    return run, args


JVM_ZIP = {"io/quarkus/amazon/lambda/runtime/Marker.class": b"", "lib/io.quarkus.quarkus-core-3.33.2.jar": b"PK"}


def test_jvmPackage_isDeployedAsJvm(sam, tmp_path):
    run, args = deploy(sam, function_zip(tmp_path, JVM_ZIP))

    assert run.returncode == 0, run.stderr
    assert args == ["deploy", "--guided", "--parameter-overrides", "PackageType=jvm"]


@pytest.mark.parametrize("elf, arch", [(ELF_X86_64, "x86_64"), (ELF_ARM64, "arm64")])
def test_nativeBootstrap_isDeployedAsNative_forItsArchitecture(sam, tmp_path, elf, arch):
    run, args = deploy(sam, function_zip(tmp_path, {"bootstrap": elf}))

    assert run.returncode == 0, run.stderr
    assert args == ["deploy", "--guided", "--parameter-overrides", "PackageType=native", f"Architecture={arch}"]


@pytest.mark.parametrize("entries, package", [(JVM_ZIP, "native"), ({"bootstrap": ELF_X86_64}, "jvm")])
def test_packageThatContradictsTheZip_isRefused(sam, tmp_path, entries, package):
    run, args = deploy(sam, function_zip(tmp_path, entries), [f"PACKAGE={package}"])

    assert run.returncode != 0
    assert "refusing" in run.stderr
    assert args is None


def test_architectureThatContradictsTheBootstrap_isRefused(sam, tmp_path):
    run, args = deploy(sam, function_zip(tmp_path, {"bootstrap": ELF_ARM64}), ["ARCH=x86_64"])

    assert run.returncode != 0 and args is None


def test_missingOrUnknownZip_isRefused(sam, tmp_path):
    run, args = deploy(sam, tmp_path / "absent.zip")
    assert run.returncode != 0 and "make package" in run.stderr and args is None

    run, args = deploy(sam, function_zip(tmp_path, {"README": b"?"}))
    assert run.returncode != 0 and args is None
