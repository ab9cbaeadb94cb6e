import DetainerCLI

DetainerCommand.main()
