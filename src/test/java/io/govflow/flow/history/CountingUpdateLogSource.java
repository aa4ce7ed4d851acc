package io.govflow.flow.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;

/**
 * Wraps the application's update log in a recorder of every read it serves: which method, for which agent, and
 * how many entries it returned. Add it with {@code GovflowApp#sources()}. Deliberately not a
 * {@code @Configuration}: component scanning of {@code io.govflow} must never pick it up for other tests.
 */
public class CountingUpdateLogSource {

    /** One call on the update log. */
    public record Read(String method, String agentId, int entries) {
    }

    /** The calls seen, in order. */
    public static final class LogReads {
        private final List<Read> reads = new CopyOnWriteArrayList<>();

        public List<Read> of(String agentId) {
            return reads.stream().filter(read -> read.agentId().equals(agentId)).toList();
        }

        public void clear() {
            reads.clear();
        }
    }

    @Bean
    LogReads logReads() {
        return new LogReads();
    }

    @Bean
    static BeanPostProcessor countingUpdateLog(org.springframework.beans.factory.ObjectProvider<LogReads> reads) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof UpdateLogStore store)) {
                    return bean;
                }
                return Proxy.newProxyInstance(UpdateLogStore.class.getClassLoader(),
                        new Class<?>[] {UpdateLogStore.class}, (proxy, method, args) -> {
                            Object result;
                            try {
                                result = method.invoke(store, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                            if (args != null && args.length > 0 && args[0] instanceof String agentId) {
                                int entries = result instanceof List<?> list ? list.size()
                                        : result instanceof UpdateLogEntry ? 1 : -1;
                                reads.getObject().reads.add(new Read(method.getName(), agentId, entries));
                            }
                            return result;
                        });
            }
        };
    }
}
