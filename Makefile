# qfpay-reversal — every command a developer or CI needs. See README.md.
MVN ?= mvn -B

.PHONY: demo test bench package lint native deploy clean tools

## Run the packaged function on sample events against the local QFPay simulator (offline).
demo:
	bash scripts/demo.sh

## Everything: unit and end-to-end tests, the packaged-artifact tests, and the template lint.
test: tools
	$(MVN) verify
	$(MAKE) lint
	python3 scripts/check_least_authority.py template.yaml

## Time the packaged function as Lambda runs it, next to the seed guide's Python client (no timing is asserted).
bench:
	bash scripts/bench.sh

## target/function.zip for the managed java21 runtime.
package:
	$(MVN) package -DskipTests

## Native target/function.zip (needs GraalVM/Mandrel or Docker/Podman; says so and fails otherwise).
native:
	bash scripts/native.sh

## Deploy with AWS SAM (PACKAGE=jvm after `make package`, native after `make native`).
PACKAGE ?= native
deploy:
	sam deploy --guided --parameter-overrides PackageType=$(PACKAGE)

## cfn-lint over the SAM template.
lint:
	cfn-lint template.yaml

tools:
	bash scripts/tools.sh

clean:
	$(MVN) -q clean
