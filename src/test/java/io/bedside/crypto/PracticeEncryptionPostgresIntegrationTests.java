package io.bedside.crypto;

import io.bedside.support.PostgresTest;

@PostgresTest
class PracticeEncryptionPostgresIntegrationTests extends PracticeEncryptionTests {
}
