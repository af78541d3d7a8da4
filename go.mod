module github.com/salesim/salesim

go 1.26
