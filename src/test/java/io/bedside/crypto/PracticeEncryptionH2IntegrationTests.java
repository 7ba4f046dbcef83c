package io.bedside.crypto;

class PracticeEncryptionH2IntegrationTests extends PracticeEncryptionTests {
}
