import XCTest

/// A test case with a fresh `AdminSampleStore` per test, removed afterwards
/// (on the PostgreSQL run its database too), for the administration commands
/// run through the binary.
class AdminSampleTestCase: XCTestCase {
    var sample: AdminSampleStore!
    var runner: DataCommandRunner { sample.runner }

    override func setUpWithError() throws {
        sample = try AdminSampleStore()
    }

    override func tearDownWithError() throws {
        sample?.runner.cleanUp()
    }
}
