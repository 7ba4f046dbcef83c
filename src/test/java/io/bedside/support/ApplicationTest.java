package io.bedside.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The base of tests that run the whole application on a random port with demo data, on the
 * database of this test JVM ({@link TestDatabases}: H2, or PostgreSQL in the PostgreSQL run).
 * Name subclasses {@code *IntegrationTests}; mark them {@link BothDatabases} to run in both runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
public abstract class ApplicationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    protected Demo demo;

    @BeforeEach
    void connectApi() {
        api = new Api("http://127.0.0.1:" + port);
        demo = new Demo(api);
    }

    /** Signs a demo account in with the demo password. */
    protected String tokenFor(String username) {
        return api.signIn(username, "demo-password");
    }
}
