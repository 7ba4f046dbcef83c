package io.bedside.messaging;


class AccessMatrixH2IntegrationTests extends AccessMatrixTests {
}
