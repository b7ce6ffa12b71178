# qfpay-reversal — every command a developer or CI needs. See README.md.
MVN ?= mvn -B

.PHONY: demo test bench package lint deploy-checks native deploy clean tools

## Run the packaged function on sample events against the local QFPay simulator (offline).
demo:
	bash scripts/demo.sh

## Everything: unit and end-to-end tests, the packaged-artifact tests, the template lint and the deployment checks.
test: tools
	$(MVN) verify
	$(MAKE) lint
	$(MAKE) deploy-checks

## template.yaml after the SAM transform: the example workflow executed, make deploy's choice of package,
## and who may call what (the least-authority check).
deploy-checks:
	python3 -m pytest -q -p no:cacheprovider src/test/deploy
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

## Deploy with AWS SAM what target/function.zip holds (native bootstrap or JVM package); PACKAGE=native|jvm, if given, must match.
deploy:
	PACKAGE=$(PACKAGE) ARCH=$(ARCH) bash scripts/deploy.sh

## cfn-lint over the SAM template.
lint:
	cfn-lint template.yaml

tools:
	bash scripts/tools.sh

clean:
	$(MVN) -q clean
