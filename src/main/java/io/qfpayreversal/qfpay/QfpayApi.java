package io.qfpayreversal.qfpay;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * QFPay's trade API as a reactive REST client. Bodies are read as text and parsed by
 * {@link QfpayGateway}, because QFPay's error answers are not always JSON.
 */
@Path("/trade/v1")
public interface QfpayApi {

    String APP_CODE = "X-QF-APPCODE";
    String SIGN = "X-QF-SIGN";
    String SIGN_TYPE = "X-QF-SIGNTYPE";

    @POST
    @Path("/{operation}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> post(@RestPath String operation,
            @RestHeader(APP_CODE) String appCode,
            @RestHeader(SIGN) String sign,
            @RestHeader(SIGN_TYPE) String signType,
            MultivaluedMap<String, String> form);

    @GET
    @Path("/{operation}")
    Uni<Response> get(@RestPath String operation,
            @RestHeader(APP_CODE) String appCode,
            @RestHeader(SIGN) String sign,
            @RestHeader(SIGN_TYPE) String signType,
            @RestQuery Map<String, String> query);
}
