package io.qfpayreversal.qfpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qfpayreversal.error.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QfpayBaseUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://openapi-hk.qfapi.com", "https://test-openapi-hk.qfapi.com:443/",
        "http://127.0.0.1:8080", "http://127.5.6.7", "http://localhost:9000", "http://[::1]:9000"})
    void checked_httpsOrLoopbackHttp_isAccepted(String url) {
        assertThat(QfpayBaseUrl.checked(url)).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://openapi-hk.qfapi.com", "http://127.0.0.1.example.com", "http://10.0.0.1",
        "http://128.0.0.1", "http://127.0.0.256", "ftp://127.0.0.1", "https://user@openapi-hk.qfapi.com",
        "openapi-hk.qfapi.com", "https://", "http://[::ffff:127.0.0.1]:9", "http:// bad"})
    void checked_anythingElse_isAConfigurationError(String url) {
        assertThatThrownBy(() -> QfpayBaseUrl.checked(url)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("QFPAY_BASE_URL");
    }
}
