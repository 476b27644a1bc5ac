"""Reading and writing the files users exchange: answer sheets and blank questionnaires."""
