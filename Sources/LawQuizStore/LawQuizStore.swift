// The results store (GRDB). See issue: exam sessions.
enum LawQuizStoreModule {}
