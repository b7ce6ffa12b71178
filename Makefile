# qfpay-reversal — every command a developer or CI needs. `make` alone lists them; see README.md.
MVN ?= mvn -B

.DEFAULT_GOAL := help
.PHONY: help demo invoke test bench package lint deploy-checks native credentials deploy clean tools

## List the targets (this text).
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z][a-z-]*:/{if(doc!=""){sub(/:.*/,"",$$1); printf "  make %-14s %s\n",$$1,doc}} {doc=""}' $(MAKEFILE_LIST)

## Run the packaged function on sample events against the local QFPay simulator (offline).
demo:
	bash scripts/demo.sh

## Run one event (EVENT=events/reverse.json) through the packaged function: local simulator, or QFPAY_BASE_URL with credentials from the environment.
invoke:
	bash scripts/invoke.sh "$(EVENT)"

## Everything: unit and end-to-end tests, the packaged-artifact tests (JVM; native too where native-image is found), the template lint and the deployment checks.
test: tools
	$(MVN) verify
	bash scripts/native.sh --if-available
	$(MAKE) lint
	$(MAKE) deploy-checks

## template.yaml after the SAM transform: the example workflow executed, make deploy's choice of package,
## and who may call what (the least-authority check).
deploy-checks:
	python3 -m pytest -q -p no:cacheprovider src/test/deploy
	python3 scripts/check_least_authority.py template.yaml

## Cold start before/after issue 15 (BENCH_BEFORE=<git ref>, default release 1.0.0) as Lambda runs it; warm next to QFPay's sample client (no timing asserted).
bench:
	bash scripts/bench.sh

## target/function.zip for the managed java21 runtime.
package:
	$(MVN) package -DskipTests

## Native target/function.zip, tested as packaged (needs native-image 25 via GRAALVM_HOME or PATH, or Docker/Podman; says so and fails otherwise).
native:
	bash scripts/native.sh

## Store the QFPay credentials in SSM under SSM_PATH (prompts; the key stays out of shell history). KMS_KEY_ID= for your own key.
credentials:
	bash scripts/put-credentials.sh "$(SSM_PATH)"

## Deploy with AWS SAM what target/function.zip holds (native bootstrap or JVM package); PACKAGE=native|jvm, if given, must match.
deploy:
	PACKAGE=$(PACKAGE) ARCH=$(ARCH) bash scripts/deploy.sh

## cfn-lint over the SAM template.
lint:
	cfn-lint template.yaml

## Install what the build and tests need when missing (Maven, JDK, Node.js, moto_server, cfn-lint, pytest, asl-validator).
tools:
	bash scripts/tools.sh

## Remove target/.
clean:
	$(MVN) -q clean
