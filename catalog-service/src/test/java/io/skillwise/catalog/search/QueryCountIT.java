package io.skillwise.catalog.search;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** No N+1: the statements a browsing request sends do not grow with the page size or the curriculum. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCountIT {

    /**
     * SQL sent on request threads: the outbox relay's polling and the Kafka listeners (which may be applying other
     * test classes' events from the shared broker) run on their own threads and are left out.
     */
    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class CountingDataSource {

        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
                        return new DelegatingDataSource(dataSource) {
                            @Override
                            public Connection getConnection() throws SQLException {
                                return counting(super.getConnection());
                            }
                        };
                    }
                    return bean;
                }
            };
        }

        /** Tomcat's request threads (virtual threads are named tomcat-handler-N, platform ones http-nio-...). */
        static boolean servesRequests(String thread) {
            return thread.startsWith("tomcat-handler") || thread.startsWith("http-nio");
        }

        static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                                && args != null && args[0] instanceof String sql
                                && servesRequests(Thread.currentThread().getName())) {
                            STATEMENTS.add(Thread.currentThread().getName() + ": " + sql);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @LocalServerPort
    int port;

    ApiClient api;
    TestUser instructor = TestUser.instructor();
    String small;
    String large;

    @BeforeAll
    void courses() {
        api = ApiClient.api(port);
        for (int i = 0; i < 30; i++) {
            Courses.published(api, instructor, Courses.draft("Counting course " + i));
        }
        small = Courses.published(api, instructor, Courses.draft("Small curriculum"));
        large = Courses.published(api, instructor, Courses.draft("Large curriculum"));
        for (int m = 0; m < 5; m++) {
            String module = api.as(instructor).post("/courses/" + large + "/modules", Map.of("title", "Module " + m))
                    .id();
            for (int l = 0; l < 4; l++) {
                api.as(instructor).post("/modules/" + module + "/lessons", Courses.lesson("Lesson " + m + "." + l,
                        false));
            }
        }
    }

    /**
     * The planner's estimate of the matches and the page (with few matches, as here, it also counts them), plus the
     * category's sub-categories when filtered by category: the same whatever the page size. (Custom plans are a
     * setting of each pooled connection, not a statement per request.)
     */
    @Test
    void listingStatementsDoNotGrowWithThePageSize() {
        assertThat(statementsFor("/courses?size=1")).isEqualTo(2);
        assertThat(statementsFor("/courses?size=30")).isEqualTo(2);
        assertThat(statementsFor("/courses?size=100&sort=rating")).isEqualTo(2);
        assertThat(statementsFor("/courses?search=counting&size=5")).isEqualTo(2);
        assertThat(statementsFor("/courses?search=counting&size=50&category=development")).isEqualTo(3);
        assertThat(statementsFor("/courses?search=counting&size=50&maxPrice=5000")).isEqualTo(2);
    }

    @Test
    void courseDetailsCostTheSameForAnyCurriculum() {
        int smallCourse = statementsFor("/courses/" + small);
        int largeCourse = statementsFor("/courses/" + large);
        assertThat(largeCourse).isEqualTo(smallCourse).isLessThanOrEqualTo(4);
    }

    private int statementsFor(String path) {
        STATEMENTS.clear();
        assertThat(api.get(path).status()).as(path).isEqualTo(200);
        return STATEMENTS.size();
    }
}
