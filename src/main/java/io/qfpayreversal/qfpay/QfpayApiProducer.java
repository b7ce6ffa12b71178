package io.qfpayreversal.qfpay;

import io.qfpayreversal.config.QfpayConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;

/** Builds the one QFPay client of the container, with the configured host and time-outs. */
public class QfpayApiProducer {

    @Produces
    @ApplicationScoped
    QfpayApi qfpayApi(QfpayConfig config) {
        return build(QfpayBaseUrl.checked(config.baseUrl()), config);
    }

    /** A QFPay client for {@code baseUri}, configured as the container's one. */
    public static QfpayApi build(URI baseUri, QfpayConfig config) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(config.connectTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                // Error statuses are answers to classify, not exceptions to unwrap.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(QfpayApi.class);
    }
}
