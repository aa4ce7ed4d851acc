package io.govflow.web.limit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the rate-limit interceptor after the authentication interceptor (which has the default order 0). */
@Configuration(proxyBeanMethods = false)
public class WebLimitConfiguration implements WebMvcConfigurer {

    private final RateLimitInterceptor rateLimits;

    public WebLimitConfiguration(RateLimitInterceptor rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimits).order(1);
    }
}
