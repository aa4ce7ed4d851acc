package io.govflow.web.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the authentication interceptor for every handler of every handler mapping. */
@Configuration(proxyBeanMethods = false)
public class WebAuthConfiguration implements WebMvcConfigurer {

    private final AuthInterceptor authInterceptor;

    public WebAuthConfiguration(AuthInterceptor authInterceptor) {
        this.authInterceptor = authInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authInterceptor);
    }
}
